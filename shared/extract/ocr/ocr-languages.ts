/**
 * The OCR languages this build ships, as tesseract names them: each is the npm package
 * `@tesseract.js-data/<code>` (a dependency in package.json, read from node_modules at run time,
 * never downloaded). English, French, German and Spanish: the languages of the public
 * administrations' documents Docstack is mostly fed, at 1-3 MB of model each (docs/ocr.md says how
 * to add one). A test checks each is installed.
 */
export const ocrLanguages = ["eng", "fra", "deu", "spa"] as const;

export type OcrLanguage = (typeof ocrLanguages)[number];

export function isOcrLanguage(code: string): code is OcrLanguage {
  return (ocrLanguages as readonly string[]).includes(code);
}

// A collection's keyword-search language (a PostgreSQL text-search configuration) names the
// language its documents are written in; where OCR has that language, it is the default.
const byTextSearchLanguage: Readonly<Record<string, OcrLanguage>> = {
  english: "eng",
  french: "fra",
  german: "deu",
  spanish: "spa",
};

/** The OCR languages of a collection that names none: its text-search language's, else English. */
export function defaultOcrLanguages(textSearchLanguage: string): OcrLanguage[] {
  return [byTextSearchLanguage[textSearchLanguage] ?? "eng"];
}
