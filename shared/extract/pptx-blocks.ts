import type { TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { ElementBudget } from "./office/element-budget.js";
import { mainPart, relationshipsOf } from "./office/package-parts.js";
import { type SlideText, slideBlocks } from "./office/slide-blocks.js";
import { prefixedAttribute, readXmlPart } from "./xml/read-xml.js";
import { openZip, type ZipArchive } from "./zip/open-zip.js";
import type { ZipLimits } from "./zip/zip-limits.js";

// Placeholders that repeat on every slide (slide number, date, footer) say nothing about it.
const boilerplate = new Set(["sldNum", "dt", "ftr", "hdr"]);
const titles = new Set(["title", "ctrTitle"]);
// Elements that are a shape on the slide: each counts against the budget.
const shapes = new Set(["sp", "graphicFrame", "pic", "cxnSp", "grpSp", "contentPart"]);

/**
 * A PowerPoint presentation's blocks, slide by slide in the presentation's order (its slide
 * list, not the part names), each with `page` = the slide's number: the title placeholder's
 * text as the slide's heading, every other text frame in the slide's order as a block, tables
 * row by row with their first row as header, then the speaker notes (office/slide-blocks.ts).
 * Hidden slides, slide numbers, dates and footers are left out (docs/decisions.md).
 */
export async function pptxBlocks(bytes: Uint8Array, zip: ZipLimits, maxCells: number): Promise<TextBlock[]> {
  const archive = await openZip(bytes, zip);
  const presentation = await mainPart(archive, "ppt/presentation.xml");
  const order: string[] = [];
  await readXmlPart(archive, presentation, {
    open(name, attributes) {
      const id = prefixedAttribute(attributes, "id");
      if (name === "sldId" && id !== undefined) order.push(id);
    },
  });
  const related = await relationshipsOf(archive, presentation);
  const budget = new ElementBudget(maxCells, "presentation", "shapes and table cells");
  const blocks: TextBlock[] = [];
  for (const [index, id] of order.entries()) {
    const part = related.find((r) => r.id === id && r.type === "slide")?.part;
    if (part === undefined) continue;
    const slide = await readSlide(archive, part, budget, false);
    if (slide.hidden) continue;
    const notesPart = (await relationshipsOf(archive, part)).find((r) => r.type === "notesSlide")?.part;
    const notes = notesPart === undefined ? [] : (await readSlide(archive, notesPart, budget, true)).notes;
    blocks.push(...slideBlocks(index + 1, { ...slide, notes }));
  }
  if (order.length === 0) throw new ExtractionError("the presentation lists no slides");
  return blocks;
}

interface ShapeState {
  placeholder: string | undefined;
  lines: string[];
}

/**
 * One slide (or notes page): its title, its text frames and tables in the order of the shape
 * tree, and, for a notes page, the notes placeholder's text as `notes`.
 */
async function readSlide(
  archive: ZipArchive,
  part: string,
  budget: ElementBudget,
  notesPage: boolean,
): Promise<SlideText & { hidden: boolean }> {
  const slide: SlideText & { hidden: boolean } = { hidden: false, title: undefined, items: [], notes: [] };
  const shapeStack: ShapeState[] = [];
  let table: string[][] | undefined;
  let cell: string[] | undefined;
  let line: string[] | undefined;
  let inText = false;
  // mc:Fallback repeats mc:Choice's content for older readers.
  let fallback = 0;
  await readXmlPart(archive, part, {
    open(name, attributes) {
      if (name === "Fallback") fallback++;
      if (fallback > 0) return;
      if (name === "sld" && attributes.show === "0") slide.hidden = true;
      if (shapes.has(name)) {
        budget.take();
        shapeStack.push({ placeholder: undefined, lines: [] });
      } else if (name === "ph") {
        const shape = shapeStack.at(-1);
        if (shape !== undefined) shape.placeholder = attributes.type ?? "body";
      } else if (name === "tbl") table = [];
      else if (name === "tr") table?.push([]);
      else if (name === "tc") {
        budget.take();
        // A cell covered by a merge stays, empty, so every row keeps the table's columns.
        cell = [];
      } else if (name === "p") line = [];
      else if (name === "t") inText = true;
      else if (name === "br") line?.push("\n");
    },
    close(name) {
      if (name === "Fallback") fallback--;
      if (fallback > 0) return;
      if (name === "t") inText = false;
      else if (name === "p" && line !== undefined) {
        const text = line.join("");
        line = undefined;
        if (cell !== undefined) cell.push(text);
        else shapeStack.at(-1)?.lines.push(text);
      } else if (name === "tc" && cell !== undefined) {
        table?.at(-1)?.push(cell.join(" "));
        cell = undefined;
      } else if (name === "tbl" && table !== undefined) {
        slide.items.push({ rows: table });
        table = undefined;
      } else if (shapes.has(name)) {
        const shape = shapeStack.pop();
        const text = shape?.lines.join("\n").trim() ?? "";
        if (shape === undefined || text === "" || boilerplate.has(shape.placeholder ?? "")) return;
        if (notesPage) {
          if (shape.placeholder === "body") slide.notes.push(text);
        } else if (titles.has(shape.placeholder ?? "") && slide.title === undefined) slide.title = text;
        else slide.items.push({ text });
      }
    },
    text(text) {
      if (inText) line?.push(text);
    },
  });
  return slide;
}
