/**
 * Words hyphenated across line ends, as typeset text (PDF above all) breaks them: "ef-\nficient"
 * is the word "efficient", which neither search nor a reader finds in "ef-ficient"; but
 * "dual-\nencoder" is "dual-encoder", whose hyphen is part of the text. Without a dictionary in
 * every language the document itself is the evidence, then the shape of the two parts:
 *
 * 1. the next line starts with a capital ("Jean-\nPierre", "Lucene-\nBM25"), the first part is
 *    an acronym ("FAA-\napproved", "COVID-") or a single letter ("d-\ndimensional": typesetting
 *    leaves at least two letters before a break): keep the hyphen;
 * 2. the joined word occurs elsewhere in the text: join ("ef-\nficient", "efficient");
 * 3. the hyphenated pair occurs elsewhere: keep ("non-\nnormal", "non-normal");
 * 4. both parts, of three letters or more, are words the text uses on their own ("dual",
 *    "encoder"; "high", "dimensional"): keep, as a compound of two words;
 * 5. otherwise the parts are syllables ("rea-\nsonable", "connais-\nsance"): join.
 *
 * Closed compounds broken between their two words ("some-\nthing") are joined by rule 2 when
 * the text uses them elsewhere, and keep a hyphen otherwise: the rarer mistake of the two.
 * A soft hyphen (U+00AD) marks a break point by definition: at a line end the word is joined,
 * anywhere else it is removed, as it is invisible.
 */

// A word starts where no letter precedes it: without that, a pattern that fails at the end of
// a long word would be tried again from each of its letters, quadratic in the word's length.
const word = "(?<![\\p{L}\\p{M}])\\p{L}[\\p{L}\\p{M}]*";
/** A letter-ended word, a hyphen (ASCII or U+2010), the line end, the next line's word. */
const lineEndHyphen = new RegExp(`(${word})[-\\u2010][ \\t]*\\n[ \\t]*(${word})`, "gu");
const softHyphenAtLineEnd = /\u00AD[ \t]*\n[ \t]*/g;
const words = new RegExp(word, "gu");
const hyphenated = new RegExp(`${word}(?:[-\\u2010]${word})+`, "gu");
const capital = /^\p{Lu}/u;
const acronym = /^[\p{Lu}\p{N}]{2,}$/u;

/**
 * The words a text uses, lower-cased: single words and each pair of a hyphenated compound
 * ("c'est-à-dire" gives "est-à" and "à-dire"), not counting the line-end halves themselves.
 * A caller normalizing a document block by block can pass the whole document's.
 */
export function wordVocabulary(text: string): Set<string> {
  const masked = text.replace(lineEndHyphen, " ").replace(softHyphenAtLineEnd, "");
  const vocabulary = new Set<string>();
  for (const [w] of masked.matchAll(words)) vocabulary.add(w.toLowerCase());
  for (const [compound] of masked.matchAll(hyphenated)) {
    const parts = compound.toLowerCase().split(/[-\u2010]/);
    for (let i = 0; i + 1 < parts.length; i++) vocabulary.add(`${parts[i]}-${parts[i + 1]}`);
  }
  return vocabulary;
}

function keepsHyphen(first: string, second: string, vocabulary: ReadonlySet<string>): boolean {
  if (capital.test(second) || acronym.test(first) || [...first].length === 1) return true;
  const a = first.toLowerCase();
  const b = second.toLowerCase();
  if (vocabulary.has(a + b)) return false;
  if (vocabulary.has(`${a}-${b}`)) return true;
  return [...a].length >= 3 && [...b].length >= 3 && vocabulary.has(a) && vocabulary.has(b);
}

/** The text with line-end hyphenation undone (see above) and soft hyphens removed. */
export function joinLineEndHyphens(text: string, vocabulary?: ReadonlySet<string>): string {
  if (!text.includes("\u00AD") && !/[-\u2010][ \t]*\n/.test(text)) return text;
  const known = vocabulary ?? wordVocabulary(text);
  return text
    .replace(softHyphenAtLineEnd, "")
    .replaceAll("\u00AD", "")
    .replace(lineEndHyphen, (_match, first: string, second: string) =>
      keepsHyphen(first, second, known) ? `${first}-${second}` : `${first}${second}`,
    );
}
