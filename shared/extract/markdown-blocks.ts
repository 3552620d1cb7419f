import MarkdownIt from "markdown-it";
import type { TextBlock } from "./extracted-document.js";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

// CommonMark with tables (GFM); the HTML it could render is never produced, only the token tree.
const parser = new MarkdownIt("commonmark").enable("table");

/**
 * Markdown as blocks of its own source text (so the text reads as written, markup included):
 * one per top-level block (paragraph, heading, list, code block, quote), each with the path of
 * the ATX or setext headings it sits under, and tables row by row with their header line.
 * Parsed by markdown-it, whose source line maps tell which lines each block covers; lines
 * outside every block (blank lines, link reference definitions) are left out.
 */
export function markdownBlocks(markdown: string): TextBlock[] {
  // markdown-it counts lines after the same normalisation (CommonMark 2.3: line endings, NUL).
  const source = markdown.replace(/\r\n?/g, "\n").replaceAll("\0", "\ufffd");
  const lines = source.split("\n");
  const tokens = parser.parse(source, {});
  const linesOf = (map: [number, number]) => lines.slice(map[0], map[1]).join("\n");

  const blocks: TextBlock[] = [];
  const sections: { level: number; title: string }[] = [];
  let path: string[] = [];
  const place = (): Pick<TextBlock, "headings"> => (path.length === 0 ? {} : { headings: path });

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || token.level !== 0 || token.nesting === -1 || token.map === null) continue;
    if (token.type === "heading_open") {
      const level = Number(token.tag.slice(1));
      const title = plainText(tokens[i + 1]);
      if (title !== "") {
        while ((sections.at(-1)?.level ?? 0) >= level) sections.pop();
        sections.push({ level, title });
        path = sections.map((s) => s.title);
      }
      blocks.push({ text: linesOf(token.map), ...place() });
    } else if (token.type === "table_open") {
      i = tableBlocks(tokens, i, linesOf, place(), blocks);
    } else {
      blocks.push({ text: linesOf(token.map), ...place() });
    }
  }
  return blocks;
}

/** Rows of the table opened at `open`, as blocks; returns the index of its closing token. */
function tableBlocks(
  tokens: readonly Token[],
  open: number,
  linesOf: (map: [number, number]) => string,
  place: Pick<TextBlock, "headings">,
  blocks: TextBlock[],
): number {
  const header: string[] = [];
  const rows: string[] = [];
  let inHead = false;
  let i = open + 1;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || token.type === "table_close") break;
    if (token.type === "thead_open") inHead = true;
    if (token.type === "thead_close") inHead = false;
    if (token.type === "tr_open" && token.map !== null) (inHead ? header : rows).push(linesOf(token.map));
  }
  const tableHeader = header.join("\n");
  if (tableHeader !== "") blocks.push({ text: tableHeader, tableHeader, ...place });
  for (const row of rows)
    blocks.push({ text: row, ...(tableHeader === "" ? {} : { tableHeader }), ...place });
  return i;
}

/** A heading's words without their markup: "Install *on* `linux`" is "Install on linux". */
function plainText(inline: Token | undefined): string {
  const pieces: string[] = [];
  const pending = [...(inline?.children ?? [])].reverse();
  for (let token = pending.pop(); token !== undefined; token = pending.pop()) {
    if (token.type === "text" || token.type === "code_inline") pieces.push(token.content);
    else if (token.type === "softbreak" || token.type === "hardbreak") pieces.push(" ");
    else if (token.children !== null) pending.push(...[...token.children].reverse());
  }
  return pieces.join("").replace(/\s+/g, " ").trim();
}
