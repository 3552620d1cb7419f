import type { TextBlock } from "./extracted-document.js";
import { readOdfContent } from "./odf/odf-content.js";
import type { ZipLimits } from "./zip/zip-limits.js";

interface Paragraph {
  /** Outline level of a heading (text:h); undefined for a paragraph. */
  level: number | undefined;
  parts: string[];
}

interface Table {
  rows: string[][];
  headerRows: number;
  inHeader: boolean;
  cell: string[] | undefined;
}

/**
 * An OpenDocument text's blocks (ODT): headings (text:h with their outline level) give every
 * block after them its section path; each paragraph and list item is a block; a table comes out
 * row by row with its header (its header rows, or else its first row). A footnote's or a text
 * box's paragraphs follow the paragraph they sit in. Comments and tracked deletions are left out.
 */
export async function odtBlocks(bytes: Uint8Array, zip: ZipLimits): Promise<TextBlock[]> {
  const blocks: TextBlock[] = [];
  const sections: { level: number; title: string }[] = [];
  let path: string[] = [];
  const paragraphs: Paragraph[] = [];
  const deferred: string[] = [];
  const tables: Table[] = [];
  let inBody = false;

  const place = (): Pick<TextBlock, "headings"> => (path.length === 0 ? {} : { headings: path });
  const endParagraph = (paragraph: Paragraph) => {
    const text = paragraph.parts.join("").trim();
    const table = tables.at(-1);
    if (table?.cell !== undefined) {
      if (text !== "") table.cell.push(text);
      return;
    }
    if (paragraphs.length > 0) {
      if (text !== "") deferred.push(text);
      return;
    }
    if (text !== "") {
      if (paragraph.level === undefined) blocks.push({ text, ...place() });
      else {
        const level = paragraph.level;
        while ((sections.at(-1)?.level ?? 0) >= level) sections.pop();
        sections.push({ level, title: text });
        path = sections.map((section) => section.title);
        blocks.push({ text, headings: path });
      }
    }
    for (const note of deferred.splice(0)) blocks.push({ text: note, ...place() });
  };
  const endTable = (table: Table) => {
    const lines = table.rows
      .map((cells) => cells.join(" | "))
      .filter((line) => line.replace(/[ |]/g, "") !== "");
    const headerCount = Math.max(1, Math.min(table.headerRows, lines.length));
    const header = lines.slice(0, headerCount).join("\n");
    if (header === "") return;
    const where = place();
    blocks.push({ text: header, tableHeader: header, ...where });
    for (const line of lines.slice(headerCount)) blocks.push({ text: line, tableHeader: header, ...where });
  };

  await readOdfContent(bytes, zip, {
    open(name, attributes) {
      if (name === "text") inBody = true;
      if (!inBody) return;
      const table = tables.at(-1);
      if (name === "h" || name === "p") {
        const level =
          name === "h" ? Math.max(1, Number(attributes["text:outline-level"] ?? 1) || 1) : undefined;
        paragraphs.push({ level, parts: [] });
      } else if (name === "table") {
        // A table inside a cell is part of that cell's text.
        if (table?.cell === undefined || paragraphs.length > 0)
          tables.push({ rows: [], headerRows: 0, inHeader: false, cell: undefined });
      } else if (name === "table-header-rows" && table !== undefined) table.inHeader = true;
      else if (name === "table-row" && table !== undefined && table.cell === undefined) {
        table.rows.push([]);
        if (table.inHeader) table.headerRows++;
      } else if (
        (name === "table-cell" || name === "covered-table-cell") &&
        table !== undefined &&
        table.cell === undefined
      ) {
        table.cell = [];
      }
    },
    close(name) {
      if (!inBody) return;
      const table = tables.at(-1);
      if (name === "h" || name === "p") {
        const paragraph = paragraphs.pop();
        if (paragraph !== undefined) endParagraph(paragraph);
      } else if ((name === "table-cell" || name === "covered-table-cell") && table?.cell !== undefined) {
        table.rows.at(-1)?.push(table.cell.join(" "));
        table.cell = undefined;
      } else if (name === "table-header-rows" && table !== undefined) table.inHeader = false;
      else if (name === "table" && table !== undefined && table.cell === undefined) {
        tables.pop();
        endTable(table);
      } else if (name === "text") inBody = false;
    },
    text(text) {
      paragraphs.at(-1)?.parts.push(text);
    },
  });
  return blocks;
}
