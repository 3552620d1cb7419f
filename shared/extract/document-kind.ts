export type DocumentKind = "pdf" | "docx" | "txt" | "md" | "html" | "csv";

export const documentKinds: readonly DocumentKind[] = ["pdf", "docx", "txt", "md", "html", "csv"];

export const contentTypeOf: Record<DocumentKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  csv: "text/csv",
};

// Aliases that real clients send besides the canonical types above.
const aliasKinds: Record<string, DocumentKind> = {
  "text/x-markdown": "md",
  "application/xhtml+xml": "html",
  "text/tab-separated-values": "csv",
};

const kindByContentType = new Map<string, DocumentKind>([
  ...documentKinds.map((kind): [string, DocumentKind] => [contentTypeOf[kind], kind]),
  ...Object.entries(aliasKinds),
]);

/** Maps a Content-Type header value (parameters such as "; charset=utf-8" allowed) to a kind. */
export function kindFromContentType(contentType: string): DocumentKind | undefined {
  const essence = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return kindByContentType.get(essence);
}
