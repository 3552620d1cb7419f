export type DocumentKind = "pdf" | "docx" | "txt" | "md" | "html" | "csv" | OfficeKind | ImageKind;

/** The formats of the office suites beyond Word: spreadsheets, presentations, OpenDocument, RTF, e-mail. */
export type OfficeKind = "xlsx" | "ods" | "pptx" | "odp" | "odt" | "rtf" | "eml";

/** Scanned pages and photos of text, read by OCR. */
export type ImageKind = "png" | "jpeg" | "tiff";

export const documentKinds: readonly DocumentKind[] = [
  "pdf",
  "docx",
  "txt",
  "md",
  "html",
  "csv",
  "xlsx",
  "ods",
  "pptx",
  "odp",
  "odt",
  "rtf",
  "eml",
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
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odp: "application/vnd.oasis.opendocument.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  rtf: "application/rtf",
  eml: "message/rfc822",
  png: "image/png",
  jpeg: "image/jpeg",
  tiff: "image/tiff",
};

// Aliases that real clients send besides the canonical types above.
const aliasKinds: Record<string, DocumentKind> = {
  "text/x-markdown": "md",
  "application/xhtml+xml": "html",
  "text/tab-separated-values": "csv",
  "text/rtf": "rtf",
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
