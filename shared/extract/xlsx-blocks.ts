import type { TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { ElementBudget } from "./office/element-budget.js";
import { mainPart, relationshipsOf } from "./office/package-parts.js";
import { type SheetCell, type SheetRow, sheetBlocks } from "./sheet-blocks.js";
import { type NumberRenderer, numberRenderer } from "./xlsx/cell-formats.js";
import { sharedStrings } from "./xlsx/shared-strings.js";
import { prefixedAttribute, readXmlPart } from "./xml/read-xml.js";
import { openZip, type ZipArchive } from "./zip/open-zip.js";
import type { ZipLimits } from "./zip/zip-limits.js";

interface SheetEntry {
  name: string;
  relationship: string;
  hidden: boolean;
}

/**
 * An Excel workbook's blocks: each visible sheet, in the workbook's order, as one table
 * (sheet-blocks.ts) whose rows carry the sheet's name and their row number. Cells show what
 * Excel shows: text, numbers and dates in their number format, a formula's last computed value
 * (the value Excel saved with it), TRUE/FALSE, error values such as #DIV/0!. Hidden sheets are
 * left out (docs/decisions.md), and so are charts, images and comments.
 */
export async function xlsxBlocks(bytes: Uint8Array, zip: ZipLimits, maxCells: number): Promise<TextBlock[]> {
  const archive = await openZip(bytes, zip);
  const workbook = await mainPart(archive, "xl/workbook.xml");
  const { sheets, date1904 } = await readWorkbook(archive, workbook);
  const related = await relationshipsOf(archive, workbook);
  const partOf = (type: string) => related.find((r) => r.type === type)?.part;
  const strings = await sharedStrings(archive, partOf("sharedStrings"));
  const render = await numberRenderer(archive, partOf("styles"), date1904);
  const budget = new ElementBudget(maxCells, "workbook", "cells");
  const blocks: TextBlock[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    const target = related.find((r) => r.id === sheet.relationship);
    // Chart sheets and dialog sheets hold no cells.
    if (target?.part === undefined || target.type !== "worksheet") continue;
    const rows = await readSheet(archive, target.part, { strings, render, budget });
    blocks.push(...sheetBlocks(sheet.name, rows, budget));
  }
  return blocks;
}

async function readWorkbook(
  archive: ZipArchive,
  part: string,
): Promise<{ sheets: SheetEntry[]; date1904: boolean }> {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await readXmlPart(archive, part, {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
      if (name !== "sheet") return;
      const relationship = prefixedAttribute(attributes, "id");
      if (attributes.name === undefined || relationship === undefined) return;
      const state = attributes.state ?? "visible";
      sheets.push({ name: attributes.name, relationship, hidden: state !== "visible" });
    },
  });
  if (sheets.length === 0) throw new ExtractionError("the workbook lists no sheets");
  return { sheets, date1904 };
}

interface SheetContext {
  strings: readonly string[];
  render: NumberRenderer;
  budget: ElementBudget;
}

/** A worksheet's rows that have values, cells left to right; every cell read counts against the budget. */
async function readSheet(archive: ZipArchive, part: string, context: SheetContext): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  let row: SheetRow | undefined;
  let cell: { column: number; type: string; style: number } | undefined;
  let nextRow = 1;
  let nextColumn = 0;
  let value: string[] = [];
  // Text counts inside <v> and inside an inline string's <t>, outside its phonetic runs.
  let capture = false;
  let phonetic = 0;
  await readXmlPart(archive, part, {
    open(name, attributes) {
      switch (name) {
        case "row": {
          const number = Number(attributes.r ?? nextRow);
          row = { number: Number.isInteger(number) && number > 0 ? number : nextRow, cells: [] };
          nextRow = row.number + 1;
          nextColumn = 0;
          break;
        }
        case "c": {
          context.budget.take();
          const column = attributes.r === undefined ? nextColumn : columnOf(attributes.r, nextColumn);
          nextColumn = column + 1;
          cell = { column, type: attributes.t ?? "n", style: Number(attributes.s ?? 0) };
          value = [];
          break;
        }
        case "v":
          capture = cell !== undefined;
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          capture = cell !== undefined && phonetic === 0;
          break;
      }
    },
    close(name) {
      if (name === "v" || name === "t") capture = false;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && cell !== undefined) {
        const shown = cellText(cell.type, cell.style, value.join(""), context);
        if (shown.trim() !== "") row?.cells.push({ column: cell.column, value: shown });
        cell = undefined;
      } else if (name === "row" && row !== undefined) {
        if (row.cells.length > 0) rows.push(sortCells(row));
        row = undefined;
      }
    },
    text(text) {
      if (capture) value.push(text);
    },
  });
  return rows;
}

function cellText(type: string, style: number, raw: string, context: SheetContext): string {
  switch (type) {
    case "s":
      return context.strings[Number(raw)] ?? "";
    case "b":
      return raw === "1" ? "TRUE" : raw === "0" ? "FALSE" : raw;
    case "n": {
      if (raw === "") return "";
      const number = Number(raw);
      return Number.isFinite(number) ? context.render(number, style) : raw;
    }
    default:
      // str (a formula's text), inlineStr, e (an error value: #N/A), d (an ISO 8601 date).
      return raw;
  }
}

/** "BC12" → column 54 (0-based); a reference that does not parse keeps the running column. */
function columnOf(reference: string, fallback: number): number {
  const letters = /^\$?([A-Za-z]{1,3})/.exec(reference)?.[1];
  if (letters === undefined) return fallback;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column - 1;
}

function sortCells(row: SheetRow): SheetRow {
  const cells: SheetCell[] = row.cells;
  for (let i = 1; i < cells.length; i++) {
    if ((cells[i]?.column ?? 0) < (cells[i - 1]?.column ?? 0)) {
      cells.sort((a, b) => a.column - b.column);
      break;
    }
  }
  return row;
}
