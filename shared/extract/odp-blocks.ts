import type { TextBlock } from "./extracted-document.js";
import { HiddenStyles, readOdfContent } from "./odf/odf-content.js";
import { ElementBudget } from "./office/element-budget.js";
import { type SlideText, slideBlocks } from "./office/slide-blocks.js";
import type { ZipLimits } from "./zip/zip-limits.js";

// Shapes that hold text on a slide; each counts against the budget.
const shapes = new Set(["frame", "custom-shape", "rect", "ellipse", "polygon", "line", "connector", "g"]);
// Placeholders that repeat on every slide say nothing about it.
const boilerplate = new Set(["page-number", "date-time", "footer", "header"]);

/**
 * An OpenDocument presentation's blocks (ODP), slide by slide (draw:page, in order) with
 * `page` = the slide's number, read like PPTX (office/slide-blocks.ts): the title frame as the
 * heading, other frames' text, tables row by row, then the speaker notes. Hidden slides and
 * page numbers, dates and footers are left out.
 */
export async function odpBlocks(bytes: Uint8Array, zip: ZipLimits, maxCells: number): Promise<TextBlock[]> {
  const budget = new ElementBudget(maxCells, "presentation", "shapes and table cells");
  const hidden = new HiddenStyles();
  const blocks: TextBlock[] = [];
  let page = 0;
  let slide: (SlideText & { hidden: boolean }) | undefined;
  const frames: { kind: string | undefined; lines: string[] }[] = [];
  let table: string[][] | undefined;
  let cell: string[] | undefined;
  let paragraph: string[] | undefined;
  let inNotes = false;

  await readOdfContent(bytes, zip, {
    open(name, attributes) {
      hidden.open(name, attributes);
      if (name === "page" && attributes["draw:name"] !== undefined) {
        page++;
        slide = {
          title: undefined,
          items: [],
          notes: [],
          hidden: hidden.hides(attributes["draw:style-name"]),
        };
      } else if (slide === undefined) return;
      else if (name === "notes") inNotes = true;
      else if (shapes.has(name)) {
        budget.take();
        frames.push({ kind: attributes["presentation:class"], lines: [] });
      } else if (name === "table") table = [];
      else if (name === "table-row") table?.push([]);
      else if (name === "table-cell" || name === "covered-table-cell") {
        budget.take();
        cell = [];
      } else if (name === "p" || name === "h") paragraph = [];
    },
    close(name) {
      if (slide === undefined) return;
      if ((name === "p" || name === "h") && paragraph !== undefined) {
        const text = paragraph.join("");
        paragraph = undefined;
        if (cell !== undefined) cell.push(text);
        else frames.at(-1)?.lines.push(text);
      } else if ((name === "table-cell" || name === "covered-table-cell") && cell !== undefined) {
        table?.at(-1)?.push(cell.join(" "));
        cell = undefined;
      } else if (name === "table" && table !== undefined) {
        if (!inNotes) slide.items.push({ rows: table });
        table = undefined;
      } else if (shapes.has(name)) {
        const frame = frames.pop();
        const text = frame?.lines.join("\n").trim() ?? "";
        if (frame === undefined || text === "" || boilerplate.has(frame.kind ?? "")) return;
        if (inNotes) slide.notes.push(text);
        else if (frame.kind === "title" && slide.title === undefined) slide.title = text;
        else slide.items.push({ text });
      } else if (name === "notes") inNotes = false;
      else if (name === "page") {
        if (!slide.hidden) blocks.push(...slideBlocks(page, slide));
        slide = undefined;
      }
    },
    text(text) {
      paragraph?.push(text);
    },
  });
  return blocks;
}
