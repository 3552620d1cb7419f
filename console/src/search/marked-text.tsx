import { markedPieces, type Span } from "./marked-pieces.js";

/** The passage with the words the query matched in <mark>. */
export function MarkedText({ text, spans }: { text: string; spans: readonly Span[] | undefined }) {
  if (!spans || spans.length === 0) return <>{text}</>;
  return <>{markedPieces(text, spans).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}
