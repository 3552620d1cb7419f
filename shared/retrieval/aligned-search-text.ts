import { type FormPiece, separatedPieces } from "./search-text.js";

/**
 * A text's search form (searchText: NFKC, then words of unspaced scripts separated) with the
 * stretch of the text that each UTF-16 unit of the form comes from, so that a word found in the
 * form can be marked in the text people read.
 */
export interface AlignedSearchText {
  form: string;
  /** form[k] comes from text[from[k], to[k]). */
  from: Int32Array;
  to: Int32Array;
}

/**
 * Whether NFKC can join a code point to what precedes it: when its decomposition starts with a
 * combining mark (é written e + U+0301, half-width ﾞ) or a Hangul vowel or final jamo (ㅏ after ㄱ
 * composes 가).
 */
function joinsPrevious(codePoint: string): boolean {
  const first = codePoint.normalize("NFKD").codePointAt(0) ?? 0;
  return (
    /\p{M}/u.test(String.fromCodePoint(first)) ||
    (first >= 0x1160 && first <= 0x11ff) ||
    (first >= 0xd7b0 && first <= 0xd7ff)
  );
}

/** Where the text may be cut into stretches that NFKC normalizes each on its own. */
function characterCuts(text: string): number[] {
  const cuts: number[] = [];
  let at = 0;
  for (const codePoint of text) {
    if (at > 0 && !joinsPrevious(codePoint)) cuts.push(at);
    at += codePoint.length;
  }
  return cuts;
}

/**
 * Cuts on both sides of each whitespace character: whitespace decomposes to characters that
 * compose with nothing and stop reordering, so NFKC never joins across it.
 */
function whitespaceCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(/\s/gu)) cuts.push(m.index, m.index + m[0].length);
  return cuts;
}

/** NFKC of each stretch between cuts; unchanged stretches next to each other kept as one piece. */
function normalizedPieces(text: string, cuts: readonly number[]): FormPiece[] {
  const pieces: FormPiece[] = [];
  let kept = 0;
  let start = 0;
  for (const end of [...cuts, text.length]) {
    if (end <= start) continue;
    const source = text.slice(start, end);
    const form = source.normalize("NFKC");
    if (form !== source) {
      if (start > kept) pieces.push({ form: text.slice(kept, start), start: kept, end: start });
      pieces.push({ form, start, end });
      kept = end;
    }
    start = end;
  }
  if (kept < text.length) pieces.push({ form: text.slice(kept), start: kept, end: text.length });
  return pieces;
}

/**
 * NFKC as pieces. Cut between characters, the pieces give NFKC of the whole in all but
 * contrived texts; when they do not, whitespace cuts do (a changed word then stands for itself
 * as a whole).
 */
function nfkcPieces(text: string): FormPiece[] {
  const normalized = text.normalize("NFKC");
  if (normalized === text) return [{ form: text, start: 0, end: text.length }];
  const fine = normalizedPieces(text, characterCuts(text));
  if (fine.map((p) => p.form).join("") === normalized) return fine;
  return normalizedPieces(text, whitespaceCuts(text));
}

/** The pieces as per-unit origins: a piece that kept its stretch maps unit to unit. */
function origins(source: string, pieces: readonly FormPiece[]): AlignedSearchText {
  const form = pieces.map((p) => p.form).join("");
  const from = new Int32Array(form.length);
  const to = new Int32Array(form.length);
  let k = 0;
  for (const p of pieces) {
    const kept = p.end - p.start === p.form.length && source.startsWith(p.form, p.start);
    for (let i = 0; i < p.form.length; i++, k++) {
      from[k] = kept ? p.start + i : p.start;
      to[k] = kept ? p.start + i + 1 : p.end;
    }
  }
  return { form, from, to };
}

export function alignedSearchText(text: string): AlignedSearchText {
  const nfkc = origins(text, nfkcPieces(text));
  const separated = origins(nfkc.form, separatedPieces(nfkc.form));
  if (nfkc.form === text) return separated;
  // Each unit of the separated form comes from units of the NFKC form, which come from the text.
  const from = new Int32Array(separated.form.length);
  const to = new Int32Array(separated.form.length);
  for (let k = 0; k < separated.form.length; k++) {
    const first = separated.from[k] ?? 0;
    const last = (separated.to[k] ?? 0) - 1;
    if (last < first) {
      // A space put between words: it comes from no character (start = end).
      const at = first < nfkc.form.length ? (nfkc.from[first] ?? 0) : text.length;
      from[k] = at;
      to[k] = at;
    } else {
      from[k] = nfkc.from[first] ?? 0;
      to[k] = nfkc.to[last] ?? 0;
    }
  }
  return { form: separated.form, from, to };
}

/** The stretch of the text that the form's stretch [start, end) comes from (start < end). */
export function textRange(
  aligned: AlignedSearchText,
  start: number,
  end: number,
): { start: number; end: number } {
  return { start: aligned.from[start] ?? 0, end: aligned.to[end - 1] ?? 0 };
}
