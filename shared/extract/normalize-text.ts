import { joinLineEndHyphens } from "./line-end-hyphens.js";

export interface NormalizeOptions {
  /**
   * The words the whole document uses (wordVocabulary), when normalizing it block by block:
   * line-end hyphens are judged by them (line-end-hyphens.ts). The text's own words otherwise.
   */
  vocabulary?: ReadonlySet<string>;
}

/**
 * Canonical form for all extracted text, so chunking and search see one representation: NFC,
 * "\n" line ends, no NUL, words hyphenated across line ends joined (soft hyphens removed),
 * trimmed. What search folds further (NFKC, CJK words) is not stored: shared/retrieval/search-text.ts.
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  const canonical = text.normalize("NFC").replace(/\r\n?/g, "\n").replaceAll("\0", "");
  return joinLineEndHyphens(canonical, options.vocabulary).trim();
}
