export interface Span {
  start: number;
  end: number;
}

/** Pieces of `text`, each marked or not, from the server's sorted, non-overlapping offsets. */
export function markedPieces(text: string, spans: readonly Span[]): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    // Offsets outside the text, or going backwards, are ignored rather than trusted.
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
