/** Tabs and line or paragraph breaks: a name is one line, so they separate words like a space. */
const breaks = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * What cannot be seen or is not text: controls (NUL, ESC), format characters (zero-width
 * space and joiners, bidirectional overrides and isolates, BOM, tags), lone surrogates,
 * private-use and unassigned code points, and the default-ignorable ones outside those classes
 * (Hangul fillers, variation selectors, combining grapheme joiner).
 */
const invisible = /[\p{C}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * A collection's name as it is stored and shown: nothing invisible, compatibility forms folded
 * (NFKC: full-width "ｐｏｌｉｃｙ" is "policy", "ﬁ" is "fi"), whitespace runs as one space,
 * trimmed. "" when nothing visible is left: the caller refuses it. Idempotent.
 */
export function cleanCollectionName(raw: string): string {
  return raw
    .replace(breaks, " ")
    .replace(invisible, "")
    .normalize("NFKC")
    .replace(invisible, "")
    .replace(/\s+/gu, " ")
    .trim();
}
