import { ExtractionError } from "./extraction-error.js";

/**
 * Whether extracted text is text at all. A PDF whose fonts carry no usable character map gives
 * a "text layer" of control characters, private-use code points or U+FFFD, which indexing would
 * store as a success that no query can ever find. Judged on the share of such characters among
 * the non-blank ones: a few (a symbol font's bullets in private use, one undecodable byte) are
 * normal; a high share is not. A verdict rather than an error, so that a PDF page can be sent to
 * OCR instead of failing the document.
 */
export interface TextVerdict {
  readable: boolean;
  /** Non-blank characters counted. */
  characters: number;
  /** Of those, controls (other than line breaks and tabs), private use, unassigned, surrogates, U+FFFD. */
  unreadable: number;
  /** A sentence for the uploader when not readable. */
  reason?: string;
}

/** Above this share of unreadable characters, a text is not text. */
export const unreadableShareLimit = 0.2;

const blank = /\s/u;
const unreadable = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\uFFFD]/u;

export function textVerdict(text: string): TextVerdict {
  let characters = 0;
  let bad = 0;
  for (const c of text) {
    if (blank.test(c)) continue;
    characters++;
    if (unreadable.test(c)) bad++;
  }
  if (characters === 0 || bad / characters <= unreadableShareLimit) {
    return { readable: true, characters, unreadable: bad };
  }
  const percent = Math.round((100 * bad) / characters);
  return {
    readable: false,
    characters,
    unreadable: bad,
    reason:
      `the extracted text is not readable text: ${percent}% of its ${characters} characters are control, ` +
      "private-use or unknown characters (for a PDF, fonts without a usable character map)",
  };
}

/** Throws the verdict's reason as an ExtractionError when the text is not readable. */
export function assertReadableText(text: string): void {
  const verdict = textVerdict(text);
  if (!verdict.readable)
    throw new ExtractionError(verdict.reason ?? "the extracted text is not readable text");
}
