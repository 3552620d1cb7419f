import type { TextBlock } from "../extracted-document.js";

/** What a slide says, in its reading order: a text frame's text, or a table's rows of cells. */
export type SlideItem = { text: string } | { rows: string[][] };

export interface SlideText {
  title: string | undefined;
  items: SlideItem[];
  /** The speaker notes' paragraphs. */
  notes: string[];
}

/** The heading under which a slide's speaker notes sit, after the slide's title. */
export const notesHeading = "Speaker notes";

/**
 * A slide's blocks (PPTX, ODP), all on `page`: the title as a heading, the text frames, each
 * table's rows with the first row as header (cells joined " | "), then the speaker notes under
 * the heading "Speaker notes". Every block's section path starts with the slide's title.
 */
export function slideBlocks(page: number, slide: SlideText): TextBlock[] {
  const headings = slide.title === undefined ? undefined : [slide.title];
  const place = headings === undefined ? { page } : { page, headings };
  const blocks: TextBlock[] = [];
  if (slide.title !== undefined) blocks.push({ text: slide.title, ...place });
  for (const item of slide.items) {
    if ("text" in item) blocks.push({ text: item.text, ...place });
    else blocks.push(...tableBlocks(item.rows, place));
  }
  if (slide.notes.length > 0) {
    const notesPlace = { page, headings: [...(headings ?? []), notesHeading] };
    for (const text of slide.notes) blocks.push({ text, ...notesPlace });
  }
  return blocks;
}

function tableBlocks(rows: readonly string[][], place: Pick<TextBlock, "page" | "headings">): TextBlock[] {
  const [header, ...data] = rows.map(rowText).filter((line) => line !== "");
  if (header === undefined) return [];
  return [
    { text: header, tableHeader: header, ...place },
    ...data.map((text) => ({ text, tableHeader: header, ...place })),
  ];
}

// A cell's lines on one line; empty cells at the row's end dropped, as for CSV rows.
function rowText(cells: readonly string[]): string {
  const values = cells.map((cell) => cell.replace(/\s+/g, " ").trim());
  while (values.length > 0 && values[values.length - 1] === "") values.pop();
  return values.join(" | ");
}
