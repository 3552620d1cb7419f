/** Extraction failed for a reason worth showing to the uploader; `message` is human-readable. */
export class ExtractionError extends Error {
  override name = "ExtractionError";
}
