import {
  isCjkSentenceEnd,
  isCloser,
  isSpacedSentenceEnd,
  isWhitespace,
  lineBreakWeight,
} from "./char-classes.js";
import { advanceCodePoints } from "./code-point-distance.js";

/**
 * Strength of the boundary after an atom; chunking prefers to end chunks at stronger ones.
 * A line break that also ends a sentence outranks a bare one, because extracted PDF text breaks
 * lines at every visual wrap.
 */
export const boundary = {
  hardCut: 0,
  word: 1,
  sentence: 2,
  line: 3,
  sentenceAndLine: 4,
  paragraph: 5,
} as const;

/**
 * The text as a sequence of atoms: runs without whitespace (words, or CJK sentences, which have
 * no spaces) of at most `maxLength` code points, each with the strength of the boundary after it.
 * Atoms start and end on non-whitespace, so any span from one atom's start to a later atom's end
 * is already trimmed. Stored as parallel arrays to stay light on multi-megabyte texts.
 */
export class TextAtoms {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly levels: number[] = [];

  get count(): number {
    return this.starts.length;
  }

  start(k: number): number {
    return this.starts[k] ?? 0;
  }

  end(k: number): number {
    return this.ends[k] ?? 0;
  }

  /** Strength of the boundary between atom k and atom k + 1. */
  level(k: number): number {
    return this.levels[k] ?? boundary.hardCut;
  }

  push(start: number, end: number, level: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.levels.push(level);
  }

  raiseLastLevel(level: number): void {
    const last = this.levels.length - 1;
    if (last >= 0 && this.level(last) < level) this.levels[last] = level;
  }
}

export function splitIntoAtoms(
  text: string,
  maxLength: number,
  distance: (from: number, to: number) => number,
): TextAtoms {
  const atoms = new TextAtoms();
  let i = 0;
  while (i < text.length) {
    let lineBreaks = 0;
    const gapStart = i;
    while (i < text.length && isWhitespace(text.charCodeAt(i))) lineBreaks += lineBreakWeight(text, i++);
    if (i >= text.length) break;
    if (i > gapStart) atoms.raiseLastLevel(gapLevel(lineBreaks, atoms));

    const start = i;
    let endsCjkSentence = false;
    while (i < text.length && !isWhitespace(text.charCodeAt(i))) {
      if (isCjkSentenceEnd(text.charCodeAt(i++))) {
        while (i < text.length && isCloser(text.charCodeAt(i))) i++;
        endsCjkSentence = true;
        break;
      }
    }
    const level = endsCjkSentence || endsSpacedSentence(text, start, i) ? boundary.sentence : boundary.word;
    pushWithHardCuts(atoms, text, start, i, level, maxLength, distance);
  }
  return atoms;
}

function gapLevel(lineBreaks: number, atoms: TextAtoms): number {
  if (lineBreaks >= 2) return boundary.paragraph;
  if (lineBreaks === 1) {
    return atoms.level(atoms.count - 1) === boundary.sentence ? boundary.sentenceAndLine : boundary.line;
  }
  return boundary.word;
}

function endsSpacedSentence(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i > start && isCloser(text.charCodeAt(i))) i--;
  return isSpacedSentenceEnd(text.charCodeAt(i));
}

// Last resort for runs longer than a chunk (URLs, base64, CJK without punctuation): cut at code
// point boundaries, nudged back so a combining mark or emoji sequence is not split from its base.
function pushWithHardCuts(
  atoms: TextAtoms,
  text: string,
  start: number,
  end: number,
  level: number,
  maxLength: number,
  distance: (from: number, to: number) => number,
): void {
  let from = start;
  while (distance(from, end) > maxLength) {
    const cut = keepClusterTogether(text, from, advanceCodePoints(text, from, maxLength));
    atoms.push(from, cut, boundary.hardCut);
    from = cut;
  }
  atoms.push(from, end, level);
}

// Marks, variation selectors, skin tones and tag characters attach to the code point before them.
const clusterContinuation = /^(?:\p{M}|\u200d|\ufe0e|\ufe0f|[\u{1f3fb}-\u{1f3ff}]|[\u{e0020}-\u{e007f}])/u;
const maxClusterBackoff = 32;

function keepClusterTogether(text: string, from: number, cut: number): number {
  let at = cut;
  for (let step = 0; step < maxClusterBackoff && at > from; step++) {
    const splitsCluster =
      clusterContinuation.test(text.slice(at, at + 2)) || text.charCodeAt(at - 1) === 0x200d;
    if (!splitsCluster) return at;
    at -= isLowSurrogateAfterHigh(text, at - 1) ? 2 : 1;
  }
  // No cluster edge nearby (or one longer than the backoff): a plain code-point cut.
  return cut;
}

function isLowSurrogateAfterHigh(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const before = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}
