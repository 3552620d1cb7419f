import type { ChunkLocation, ExtractedDocument, TextBlock } from "../extract/extracted-document.js";
import type { ChunkSettings } from "./chunk-settings.js";
import { chunkSpans, type TextSpan } from "./chunk-text.js";
import { advanceCodePoints, codePointDistance } from "./code-point-distance.js";
import { layOutBlocks, sameTable } from "./lay-out-blocks.js";

/** A chunk as stored: the text that is embedded, searched and returned, and where it lies. */
export interface DocumentChunk {
  text: string;
  location: ChunkLocation;
}

export interface ChunkedDocument {
  /** The document's extracted text (lay-out-blocks.ts), which the locations point into. */
  text: string;
  chunks: DocumentChunk[];
}

/**
 * Chunks a document's blocks with chunkText's rules, segment by segment: a segment is a run of
 * blocks on one page (or slide) and sheet, and either all rows of one table or no table row at
 * all, so no chunk straddles a page, sheet or table edge. `settingsFor` gets the length of the
 * whole extracted text (the adaptive settings are per document, as before).
 *
 * A chunk of table rows that does not begin with its table's header line gets that line put
 * in front, so it reads on its own; the line is not part of the chunk's span (char_start to
 * char_end covers only the rows taken from the text). Rows are records: table segments have no
 * overlap, and take the room the header line needs from the chunk size.
 */
export function chunkDocument(
  document: ExtractedDocument,
  settingsFor: (textLength: number) => ChunkSettings,
): ChunkedDocument {
  const { blocks } = document;
  const { text, starts } = layOutBlocks(blocks);
  const settings = settingsFor(text.length);
  const codePoint = codePointDistance(text);
  const chunks: DocumentChunk[] = [];
  for (const segment of segments(blocks)) {
    const first = segment.first;
    const lastBlock = blocks[segment.last];
    const start = starts[first] ?? 0;
    const end = (starts[segment.last] ?? 0) + (lastBlock?.text.length ?? 0);
    const segmentText = text.slice(start, end);
    const header = blocks[first]?.tableHeader;
    const repeated = header === undefined ? undefined : repeatedHeader(header, settings.size);
    for (const span of segmentSpans(segmentText, settings, repeated)) {
      const from = start + span.start;
      const to = start + span.end;
      const slice = text.slice(from, to);
      const location: ChunkLocation = {
        ...locate(blocks, starts, from, to, segment),
        char_start: codePoint(0, from),
        char_end: codePoint(0, to),
      };
      const needsHeader = header !== undefined && repeated !== undefined && !slice.startsWith(header);
      chunks.push({ text: needsHeader ? `${repeated}\n${slice}` : slice, location });
    }
  }
  return { text, chunks };
}

interface Segment {
  first: number;
  last: number;
}

function* segments(blocks: readonly TextBlock[]): Generator<Segment> {
  let first = 0;
  for (let i = 1; i <= blocks.length; i++) {
    const before = blocks[i - 1];
    const block = blocks[i];
    if (block !== undefined && before !== undefined && sameSegment(before, block)) continue;
    yield { first, last: i - 1 };
    first = i;
  }
}

function sameSegment(a: TextBlock, b: TextBlock): boolean {
  if (a.page !== b.page || a.sheet !== b.sheet) return false;
  if (a.tableHeader === undefined && b.tableHeader === undefined) return true;
  return sameTable(a, b);
}

function segmentSpans(text: string, settings: ChunkSettings, header: string | undefined): TextSpan[] {
  if (header === undefined) return chunkSpans(text, settings);
  const distance = codePointDistance(text);
  // A table that fits in one chunk starts with its header row already.
  if (distance(0, text.length) <= settings.size) return [{ start: 0, end: text.length }];
  const headerLength = codePointDistance(header)(0, header.length);
  return chunkSpans(text, { size: Math.max(1, settings.size - headerLength - 1), overlap: 0 });
}

/**
 * The header line as chunks repeat it: whole, unless it would take more than half a chunk
 * (a very wide table), then cut at a cell edge where possible and marked with an ellipsis.
 */
function repeatedHeader(header: string, size: number): string {
  const room = Math.floor(size / 2);
  if (codePointDistance(header)(0, header.length) <= room) return header;
  const cut = advanceCodePoints(header, 0, Math.max(0, room - 2));
  const cellEdge = header.lastIndexOf(" | ", cut);
  return `${header.slice(0, cellEdge > 0 ? cellEdge : cut)} …`;
}

/** The place of the text from `from` to `to`: where it starts, and the pages and rows it covers. */
function locate(
  blocks: readonly TextBlock[],
  starts: readonly number[],
  from: number,
  to: number,
  segment: Segment,
): Omit<ChunkLocation, "char_start" | "char_end"> {
  let i = blockAt(starts, from, segment);
  const startBlock = blocks[i];
  let pageStart: number | undefined;
  let pageEnd: number | undefined;
  let rowStart: number | undefined;
  let rowEnd: number | undefined;
  for (; i <= segment.last && (starts[i] ?? 0) < to; i++) {
    const { page, row } = blocks[i] ?? {};
    if (page !== undefined) {
      pageStart = Math.min(pageStart ?? page, page);
      pageEnd = Math.max(pageEnd ?? page, page);
    }
    if (row !== undefined) {
      rowStart = Math.min(rowStart ?? row, row);
      rowEnd = Math.max(rowEnd ?? row, row);
    }
  }
  const location: Omit<ChunkLocation, "char_start" | "char_end"> = {};
  if (pageStart !== undefined) location.page_start = pageStart;
  if (pageEnd !== undefined) location.page_end = pageEnd;
  if (startBlock?.sheet !== undefined) location.sheet = startBlock.sheet;
  if (rowStart !== undefined) location.row_start = rowStart;
  if (rowEnd !== undefined) location.row_end = rowEnd;
  if (startBlock?.headings !== undefined) location.headings = startBlock.headings;
  return location;
}

/** The last block of the segment that starts at or before `offset`. */
function blockAt(starts: readonly number[], offset: number, segment: Segment): number {
  let lo = segment.first;
  let hi = segment.last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
