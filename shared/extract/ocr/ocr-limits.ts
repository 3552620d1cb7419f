/** The reasons a document fails with at an OCR bound; shown to the uploader as they are. */
export const ocrLimitReason = {
  pages: (pages: number, max: number, what: string) =>
    `${what} has ${pages.toLocaleString("en")} pages to OCR; OCR reads at most ${max.toLocaleString("en")} pages of a document (OCR_MAX_PAGES)`,
  time: (ms: number) => `OCR took longer than ${Math.round(ms / 1000)} s (OCR_TIMEOUT_S)`,
  unavailable: (what: string) =>
    `${what} needs OCR, which this deployment does not run (Cloudflare Workers extract without it); index it on Node`,
};
