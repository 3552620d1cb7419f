import type { ChunkSettings } from "./chunk-settings.js";
import { codePointDistance } from "./code-point-distance.js";
import { boundary, splitIntoAtoms, type TextAtoms } from "./text-atoms.js";

// A chunk may end early at a stronger boundary once it is this full...
const preferredFill = 0.5;
// ...and, when the back half has no sentence end at all, at a sentence end once it is this full.
const minimumFill = 0.2;

/**
 * Splits text into trimmed, non-empty chunks of at most `size` code points. Each chunk ends at
 * the strongest boundary in the back half of its window (paragraph, line, sentence, word, and
 * only as a last resort a cut inside a word, never inside a code point), or at an earlier
 * sentence end when the back half has none. Deterministic. Consecutive chunks
 * overlap by up to `overlap` code points, starting at a sentence or, failing that, a word.
 * Chunks are slices of the input, so the cost stays linear in the text length.
 */
export function chunkText(text: string, settings: ChunkSettings): string[] {
  return chunkSpans(text, settings).map(({ start, end }) => text.slice(start, end));
}

/** Where chunkText's chunks lie in `text`: UTF-16 offsets, end exclusive, in order. */
export interface TextSpan {
  start: number;
  end: number;
}

/** chunkText's chunks as spans of `text`, for callers that need to know where each one lies. */
export function chunkSpans(text: string, settings: ChunkSettings): TextSpan[] {
  const { size, overlap } = settings;
  // The adaptive settings may shrink size below the collection minimum for tiny documents, so
  // only what the algorithm itself needs is enforced here.
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  }
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    throw new RangeError(`chunk overlap must be an integer from 0 to ${size - 1}, got ${overlap}`);
  }

  const distance = codePointDistance(text);
  const atoms = splitIntoAtoms(text, size, distance);
  const spans: TextSpan[] = [];
  let first = 0;
  let previousLast = -1;
  while (first < atoms.count) {
    const last = lastAtomOfChunk(atoms, first, previousLast + 1, size, distance);
    spans.push({ start: atoms.start(first), end: atoms.end(last) });
    if (last === atoms.count - 1) break;
    first = overlap === 0 ? last + 1 : firstAtomOfNextChunk(atoms, first, last, settings, distance);
    previousLast = last;
  }
  return spans;
}

type Distance = (from: number, to: number) => number;

// `mustReach` keeps every chunk ending past the previous one, so overlap can never stall progress.
function lastAtomOfChunk(
  atoms: TextAtoms,
  first: number,
  mustReach: number,
  size: number,
  distance: Distance,
): number {
  const start = atoms.start(first);
  let fit = first;
  while (fit + 1 < atoms.count && distance(start, atoms.end(fit + 1)) <= size) fit++;
  if (fit === atoms.count - 1) return fit;

  const lowest = Math.max(first, mustReach);
  const preferred = strongestBoundary(atoms, fit, lowest, start, size * preferredFill, distance);
  if (atoms.level(preferred) >= boundary.sentence) return preferred;
  // Rather a shorter chunk that ends a sentence than a full one cut mid-sentence.
  const fallback = strongestBoundary(atoms, fit, lowest, start, size * minimumFill, distance);
  return atoms.level(fallback) >= boundary.sentence ? fallback : preferred;
}

/** The atom in [lowest, fit] ending at least `minLength` in with the strongest boundary after it, latest on ties. */
function strongestBoundary(
  atoms: TextAtoms,
  fit: number,
  lowest: number,
  start: number,
  minLength: number,
  distance: Distance,
): number {
  let best = fit;
  for (let k = fit - 1; k >= lowest && atoms.level(best) < boundary.paragraph; k--) {
    if (distance(start, atoms.end(k)) < minLength) break;
    if (atoms.level(k) > atoms.level(best)) best = k;
  }
  return best;
}

/**
 * Where the next chunk starts: as far back as `overlap` allows, at the start of a sentence if that
 * still gives at least half the overlap, otherwise at the start of a word. The next chunk must
 * also be able to take in the atom after `last`, or it would add nothing new.
 */
function firstAtomOfNextChunk(
  atoms: TextAtoms,
  first: number,
  last: number,
  settings: ChunkSettings,
  distance: Distance,
): number {
  const end = atoms.end(last);
  const nextEnd = atoms.end(last + 1);
  let wordStart = last + 1;
  let sentenceStart = last + 1;
  for (let k = last; k > first; k--) {
    const from = atoms.start(k);
    if (distance(from, end) > settings.overlap || distance(from, nextEnd) > settings.size) break;
    const before = atoms.level(k - 1);
    if (before >= boundary.word) wordStart = k;
    if (before >= boundary.sentence) sentenceStart = k;
  }
  if (sentenceStart <= last && 2 * distance(atoms.start(sentenceStart), end) >= settings.overlap) {
    return sentenceStart;
  }
  return wordStart;
}
