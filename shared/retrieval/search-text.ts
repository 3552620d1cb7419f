/**
 * The form of a text that keyword search analyses, the same for a chunk (index side) and for a
 * query, so that the two always meet. Two steps, neither of which PostgreSQL's text search does:
 *
 * 1. NFKC: compatibility forms fold into the letters they stand for — Arabic presentation forms
 *    into the base letters, full-width Latin and digits into ASCII, ligatures (ﬁ) into letters,
 *    half-width katakana into katakana, CO₂ into CO2. The chunk's stored text keeps what was
 *    extracted: people read it; only what is indexed is folded.
 * 2. Words in scripts written without spaces are separated:
 *    - Chinese, Japanese, Thai, Lao, Khmer and Myanmar runs are cut into words by the Unicode
 *      word-break algorithm with ICU's dictionaries (Intl.Segmenter), so a word inside a sentence
 *      is a word of its own (東京都に住んでいます → 東京 都 に 住 んで い ます);
 *    - Hangul runs become overlapping syllable pairs, as Lucene's CJK analyzer does: Korean
 *      separates words by spaces, but particles and endings are written onto them (학교에서,
 *      "at school") and ICU has no Korean dictionary to cut them off, so the pairs let a query
 *      for 학교 find 학교에서 (학교 교에 에서). A one-syllable run stays as it is.
 *    Text in other scripts is left exactly as it is, so PostgreSQL's parser sees English, French
 *    or Arabic as before.
 *
 * Deterministic and context-free enough for both sides to agree: a query for a word is cut as
 * the word is cut inside the indexed sentence (ICU's dictionary segmentation depends a little on
 * context; the words' own pieces still match, as a phrase or as ranked words).
 */

/**
 * Scripts ICU segments by dictionary, with the kana marks that belong to no one script (ー, the
 * voicing marks). Punctuation (。、「」) is not part of a run: PostgreSQL's parser already
 * separates words at it.
 */
const dictionaryScripts =
  "\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}\\u30FC\\u3099-\\u309C";
const unspacedRun = new RegExp(`(\\p{sc=Hangul}+)|([${dictionaryScripts}]+)`, "gu");
const letterOrNumber = /^[\p{L}\p{N}\p{M}]$/u;

/** The code point ending just before `index`, surrogate pairs read whole. */
function codePointBefore(text: string, index: number): string {
  if (index <= 0) return "";
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0);
}

function codePointAt(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Intl.Segmenter's cost per character grows with the input past a few thousand characters
 * (measured on Chinese: 3.5 ms for 1,000 characters, 233 ms for 16,000), so a long run without
 * punctuation is cut into pieces first; a word cut in two at a piece's end is the price, once
 * per 1,000 characters.
 */
const segmentPiece = 1000;

/** A word of a run and where it starts in the run (UTF-16 index). */
interface RunWord {
  text: string;
  index: number;
}

function dictionaryWords(run: string): RunWord[] {
  segmenter ??= new Intl.Segmenter("und", { granularity: "word" });
  const words: RunWord[] = [];
  for (let start = 0; start < run.length; ) {
    let end = Math.min(run.length, start + segmentPiece);
    // Never between the two halves of a surrogate pair.
    const last = run.charCodeAt(end - 1);
    if (end < run.length && last >= 0xd800 && last <= 0xdbff) end++;
    for (const s of segmenter.segment(run.slice(start, end)))
      if (s.isWordLike) words.push({ text: s.segment, index: start + s.index });
    start = end;
  }
  return words;
}

function syllablePairs(run: string): RunWord[] {
  const syllables = [...run];
  if (syllables.length < 2) return [{ text: run, index: 0 }];
  const pairs: RunWord[] = [];
  let index = 0;
  for (let i = 0; i + 1 < syllables.length; i++) {
    const first = syllables[i] ?? "";
    pairs.push({ text: `${first}${syllables[i + 1] ?? ""}`, index });
    index += first.length;
  }
  return pairs;
}

/**
 * A stretch of a text's search form and the stretch [start, end) of the text it comes from
 * (UTF-16 indices). A piece whose form is not the text's own stretch stands for it as a whole; a
 * space put between words comes from nowhere (start = end).
 */
export interface FormPiece {
  form: string;
  start: number;
  end: number;
}

/**
 * separateWords as pieces, so that a word found in the separated form can be traced back to the
 * text: stretches outside unspaced runs are kept as they are, each run becomes its words with
 * spaces between them.
 */
export function separatedPieces(text: string): FormPiece[] {
  const pieces: FormPiece[] = [];
  let kept = 0;
  for (const m of text.matchAll(unspacedRun)) {
    const run = m[0];
    const offset = m.index;
    const words = m[1] !== undefined ? syllablePairs(run) : dictionaryWords(run);
    if (words.length === 0) continue;
    if (offset > kept) pieces.push({ form: text.slice(kept, offset), start: kept, end: offset });
    const end = offset + run.length;
    // A space on a side only where a letter or digit touches the run ("Docstackは" is two words),
    // so that a query's -prefix or quotes stay attached where the user put them.
    if (letterOrNumber.test(codePointBefore(text, offset)))
      pieces.push({ form: " ", start: offset, end: offset });
    words.forEach((word, i) => {
      const start = offset + word.index;
      if (i > 0) pieces.push({ form: " ", start, end: start });
      pieces.push({ form: word.text, start, end: start + word.text.length });
    });
    if (letterOrNumber.test(codePointAt(text, end))) pieces.push({ form: " ", start: end, end });
    kept = end;
  }
  if (kept < text.length) pieces.push({ form: text.slice(kept), start: kept, end: text.length });
  return pieces;
}

/** Separates the words of unspaced scripts by spaces; everything else is returned unchanged. */
export function separateWords(text: string): string {
  return separatedPieces(text)
    .map((p) => p.form)
    .join("");
}

/** What keyword search analyses for a text: NFKC, then words of unspaced scripts separated. */
export function searchText(text: string): string {
  return separateWords(text.normalize("NFKC"));
}

/**
 * A chunk's search text when it differs from the chunk's text, or null: the database indexes
 * `coalesce(search_text, text)` (migration 014), so most chunks store nothing twice.
 */
export function chunkSearchText(text: string): string | null {
  const form = searchText(text);
  return form === text ? null : form;
}

/** How long search forms are computed before other work gets the event loop. */
const sliceMs = 20;

/**
 * fn of each text, giving the event loop back every few milliseconds: separating CJK words costs
 * about a second per million characters (Intl.Segmenter's per-word overhead), and the work may
 * share the loop with serving.
 */
export async function mapInSlices<T>(texts: readonly string[], fn: (text: string) => T): Promise<T[]> {
  const out: T[] = [];
  let sliceStart = performance.now();
  for (const text of texts) {
    out.push(fn(text));
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  return out;
}

/** The search texts of a document's chunks (chunkSearchText), in slices (mapInSlices). */
export function chunkSearchTexts(chunks: readonly string[]): Promise<(string | null)[]> {
  return mapInSlices(chunks, chunkSearchText);
}
