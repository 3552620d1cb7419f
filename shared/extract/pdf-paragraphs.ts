/** One pdf.js text item, as much of it as paragraph finding needs. */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  /** The text matrix [a, b, c, d, e, f]: (e, f) is the baseline origin in page space. */
  transform: number[];
}

/** A paragraph of one page: its lines joined by "\n", and where its first line starts. */
export interface PdfParagraph {
  text: string;
  x: number;
  y: number;
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
  /** Plain horizontal text, whose geometry can be compared with its neighbours'. */
  upright: boolean;
}

// A gap between baselines this much larger than the page's usual line spacing separates paragraphs.
const paragraphGapFactor = 1.4;
// Fonts whose sizes differ by more than this share are a heading next to body text.
const sizeChangeShare = 0.15;

/**
 * A page's text items as paragraphs in the order pdf.js reads them. Lines end where pdf.js
 * marks an end of line; a new paragraph starts where the next line sits clearly further down
 * than the page's usual line spacing, jumps back up (the next column), or changes font size.
 * Paragraphs that are told apart only by an indent are kept together: a missed break costs
 * only a weaker place for a chunk to end, a wrong one splits a sentence.
 */
export function pdfParagraphs(items: readonly PdfTextItem[]): PdfParagraph[] {
  const lines = pdfLines(items);
  const spacing = usualLineSpacing(lines);
  const paragraphs: PdfParagraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    const first = current[0];
    if (first !== undefined) {
      paragraphs.push({ text: current.map((l) => l.text).join("\n"), x: first.x, y: first.y });
    }
    current = [];
  };
  let previous: Line | undefined;
  for (const line of lines) {
    if (previous !== undefined && startsParagraph(previous, line, spacing)) flush();
    current.push(line);
    previous = line;
  }
  flush();
  return paragraphs;
}

function pdfLines(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let parts: string[] = [];
  let geometry: Omit<Line, "text"> | undefined;
  let longest = 0;
  const endLine = () => {
    const text = parts.join("").trimEnd();
    if (geometry !== undefined && text.trim() !== "") lines.push({ text, ...geometry });
    parts = [];
    geometry = undefined;
    longest = 0;
  };
  for (const item of items) {
    parts.push(item.str);
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
    const visible = item.str.trim().length;
    if (visible > 0) {
      const size = Math.hypot(c, d);
      // The line's place is its first item's; its size is that of its longest run of text, so a
      // superscript or a drop cap at the start does not pass for a change of font.
      geometry ??= { x: e, y: f, size, upright: Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && a > 0 };
      if (visible > longest) {
        geometry.size = size;
        longest = visible;
      }
    }
    if (item.hasEOL) endLine();
  }
  endLine();
  return lines;
}

/** The median distance between consecutive baselines going down the page, or undefined. */
function usualLineSpacing(lines: readonly Line[]): number | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [above, below] = [lines[i - 1], lines[i]];
    if (above === undefined || below === undefined || !above.upright || !below.upright) continue;
    const gap = above.y - below.y;
    if (gap > 0 && !sizeChanges(above, below)) gaps.push(gap);
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 2)];
}

function startsParagraph(above: Line, below: Line, spacing: number | undefined): boolean {
  if (!above.upright || !below.upright) return false;
  if (sizeChanges(above, below)) return true;
  const gap = above.y - below.y;
  // Back up the page by more than a line: the next column, or a box read out of order.
  if (gap < -above.size) return true;
  const usual = spacing ?? 1.2 * Math.max(above.size, below.size);
  return gap > paragraphGapFactor * usual;
}

function sizeChanges(a: Line, b: Line): boolean {
  return Math.abs(a.size - b.size) > sizeChangeShare * Math.max(a.size, b.size);
}
