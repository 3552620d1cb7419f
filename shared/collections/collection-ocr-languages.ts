import { ApiError } from "../errors/api-error.js";
import { defaultOcrLanguages, isOcrLanguage, ocrLanguages } from "../extract/ocr/ocr-languages.js";

/**
 * The OCR languages a new collection asks for, lower-cased and without repeats, in the order
 * given (tesseract weighs the first most); when none are asked for, the default of its
 * text-search language. 422 naming the installed ones for a language this build does not ship.
 */
export function resolveOcrLanguages(
  asked: readonly string[] | undefined,
  textSearchLanguage: string,
): string[] {
  if (asked === undefined) return defaultOcrLanguages(textSearchLanguage);
  const codes = [...new Set(asked.map((code) => code.trim().toLowerCase()))];
  const unknown = codes.filter((code) => !isOcrLanguage(code));
  if (unknown.length > 0) {
    throw new ApiError("validation_failed", `OCR language ${quoted(unknown)} is not installed`, {
      errors: [{ path: "ocr_languages", message: `Expected some of: ${ocrLanguages.join(", ")}` }],
    });
  }
  return codes;
}

function quoted(codes: string[]): string {
  // Echo only what is short and plain, so the message stays safe to show.
  return codes.map((code) => (/^[a-z_]{1,20}$/.test(code) ? `"${code}"` : "(unreadable)")).join(", ");
}
