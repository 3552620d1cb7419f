export type DocumentKind = "pdf" | "docx" | "txt" | "md" | "html" | "csv" | ImageKind;

/** Scanned pages and photos of text, read by OCR. */
export type ImageKind = "png" | "jpeg" | "tiff";

export const documentKinds: readonly DocumentKind[] = [
  "pdf",
  "docx",
  "txt",
  "md",
  "html",
  "csv",
  "png",
  "jpeg",
  "tiff",
];

export const contentTypeOf: Record<DocumentKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  csv: "text/csv",
  png: "image/png",
  jpeg: "image/jpeg",
  tiff: "image/tiff",
};

// Aliases that real clients send besides the canonical types above.
const aliasKinds: Record<string, DocumentKind> = {
  "text/x-markdown": "md",
  "application/xhtml+xml": "html",
  "text/tab-separated-values": "csv",
  "image/jpg": "jpeg",
  "image/pjpeg": "jpeg",
  "image/tif": "tiff",
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
