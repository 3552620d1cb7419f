import type { TextBlock } from "./extracted-document.js";

// A blank line (only spaces or tabs on it) between two lines, whatever the line endings.
// "\r(?!\n)": a CRLF must not count as two line ends.
const blankLine = /(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)\s*/;

/** Plain text as paragraphs: the runs of lines between blank lines. */
export function textBlocks(text: string): TextBlock[] {
  return text.split(blankLine).map((paragraph) => ({ text: paragraph }));
}
