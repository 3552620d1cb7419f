import type { TextBlock } from "./extracted-document.js";
import { HiddenStyles, readOdfContent } from "./odf/odf-content.js";
import { ElementBudget } from "./office/element-budget.js";
import { type SheetRow, sheetBlocks } from "./sheet-blocks.js";
import type { ZipLimits } from "./zip/zip-limits.js";

// A repeat count beyond a sheet's size is a damaged or hostile file, not a reason to loop.
const maxRepeat = 1_048_576;

/**
 * An OpenDocument spreadsheet's blocks (ODS): each visible sheet (table:table) as one table
 * (sheet-blocks.ts), rows numbered as the spreadsheet shows them. A cell's text is what
 * LibreOffice saved as its display text (numbers and dates as formatted, a formula's last
 * result). Repeated rows and cells (table:number-rows-repeated) count as many times as they
 * repeat when they hold a value; empty ones, which LibreOffice writes to the sheet's edge, are
 * skipped at the cost of one. Hidden sheets are left out, as for XLSX.
 */
export async function odsBlocks(bytes: Uint8Array, zip: ZipLimits, maxCells: number): Promise<TextBlock[]> {
  const budget = new ElementBudget(maxCells, "spreadsheet", "cells");
  const hidden = new HiddenStyles();
  const blocks: TextBlock[] = [];
  let sheet: { name: string; hidden: boolean; rows: SheetRow[]; next: number } | undefined;
  let row: { repeat: number; cells: { column: number; value: string }[]; next: number } | undefined;
  let cell: { repeat: number; paragraphs: string[] } | undefined;
  let paragraph: string[] | undefined;
  let tableDepth = 0;

  await readOdfContent(bytes, zip, {
    open(name, attributes) {
      hidden.open(name, attributes);
      if (name === "table") {
        // A table inside a cell (rare) is text of that cell.
        if (tableDepth++ > 0) return;
        sheet = {
          name: attributes["table:name"] ?? `Sheet${blocks.length + 1}`,
          hidden: hidden.hides(attributes["table:style-name"]),
          rows: [],
          next: 1,
        };
      } else if (tableDepth !== 1) {
        if (name === "p" && cell !== undefined) paragraph = [];
      } else if (name === "table-row") {
        row = { repeat: repeatOf(attributes["table:number-rows-repeated"]), cells: [], next: 0 };
      } else if (name === "table-cell" || name === "covered-table-cell") {
        cell = { repeat: repeatOf(attributes["table:number-columns-repeated"]), paragraphs: [] };
      } else if (name === "p" && cell !== undefined) paragraph = [];
    },
    close(name) {
      if (name === "p" && paragraph !== undefined && cell !== undefined) {
        cell.paragraphs.push(paragraph.join(""));
        paragraph = undefined;
      } else if (name === "table") {
        if (--tableDepth > 0 || sheet === undefined) return;
        if (!sheet.hidden) blocks.push(...sheetBlocks(sheet.name, sheet.rows, budget));
        sheet = undefined;
      } else if (tableDepth !== 1) return;
      else if (
        (name === "table-cell" || name === "covered-table-cell") &&
        cell !== undefined &&
        row !== undefined
      ) {
        const value = cell.paragraphs.join("\n");
        if (value.trim() === "") budget.take();
        else {
          budget.take(cell.repeat);
          for (let i = 0; i < cell.repeat; i++) row.cells.push({ column: row.next + i, value });
        }
        row.next += cell.repeat;
        cell = undefined;
      } else if (name === "table-row" && row !== undefined && sheet !== undefined) {
        if (row.cells.length > 0) {
          budget.take(row.cells.length * (row.repeat - 1));
          for (let i = 0; i < row.repeat; i++) sheet.rows.push({ number: sheet.next + i, cells: row.cells });
        }
        sheet.next += row.repeat;
        row = undefined;
      }
    },
    text(text) {
      paragraph?.push(text);
    },
  });
  return blocks;
}

function repeatOf(value: string | undefined): number {
  const count = Number(value ?? 1);
  return Number.isInteger(count) && count >= 1 ? Math.min(count, maxRepeat) : 1;
}
