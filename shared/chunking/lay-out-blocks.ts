import type { TextBlock } from "../extract/extracted-document.js";

/** A document's extracted text and where each block starts in it (UTF-16 offsets). */
export interface LaidOutText {
  text: string;
  starts: number[];
}

/**
 * The extracted text: the blocks in order, consecutive rows of one table joined by a line
 * break (a table reads as lines), every other pair of blocks by a blank line (a paragraph
 * break, the strongest boundary for the chunker). Offsets into it are what chunk locations
 * and GET /documents/{id}/text count in.
 */
export function layOutBlocks(blocks: readonly TextBlock[]): LaidOutText {
  const parts: string[] = [];
  const starts: number[] = [];
  let at = 0;
  blocks.forEach((block, i) => {
    const before = blocks[i - 1];
    if (before !== undefined) {
      const joiner = sameTable(before, block) ? "\n" : "\n\n";
      parts.push(joiner);
      at += joiner.length;
    }
    starts.push(at);
    parts.push(block.text);
    at += block.text.length;
  });
  return { text: parts.join(""), starts };
}

/** Whether two blocks are rows of one table: the same header, on the same page and sheet. */
export function sameTable(a: TextBlock, b: TextBlock): boolean {
  return (
    a.tableHeader !== undefined && a.tableHeader === b.tableHeader && a.page === b.page && a.sheet === b.sheet
  );
}
