import { joinLineEndHyphens } from "./line-end-hyphens.js";

export interface NormalizeOptions {
  /**
   * The words the whole document uses (wordVocabulary), when normalizing it block by block:
   * line-end hyphens are judged by them (line-end-hyphens.ts). The text's own words otherwise.
   */
  vocabulary?: ReadonlySet<string>;
  /**
   * Whether a line end is a typeset line break that may split a word (prose: PDF pages, text
   * files) or a record boundary that must stay (a table's rows: CSV, spreadsheet rows). Default
   * true.
   */
  joinLineEndHyphens?: boolean;
}

/**
 * Canonical form for all extracted text, so chunking and search see one representation: NFC,
 * "\n" line ends, no NUL, words hyphenated across line ends joined (soft hyphens removed) unless
 * the lines are records, trimmed. What search folds further (NFKC, CJK words) is not stored: shared/retrieval/search-text.ts.
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  const canonical = text.normalize("NFC").replace(/\r\n?/g, "\n").replaceAll("\0", "");
  const joined =
    options.joinLineEndHyphens === false ? canonical : joinLineEndHyphens(canonical, options.vocabulary);
  return joined.trim();
}
