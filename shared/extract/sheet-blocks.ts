import type { TextBlock } from "./extracted-document.js";
import type { ElementBudget } from "./office/element-budget.js";
import { type CsvRecord, splitTitles } from "./parse-csv.js";
import { tableBlocks } from "./table-blocks.js";

/** A cell with a value, as the spreadsheet shows it. */
export interface SheetCell {
  /** 0-based column ("A" is 0). */
  column: number;
  value: string;
}

export interface SheetRow {
  /** 1-based row number in the sheet, as the spreadsheet shows it. */
  number: number;
  /** Cells with a value, left to right. */
  cells: SheetCell[];
}

/**
 * One sheet as one table (table-blocks.ts), read like a CSV file: title lines above the header
 * (parse-csv.ts), the header row, the data rows, each block with the sheet's name and its row
 * number as the spreadsheet shows it. Columns without any value in the sheet (a margin, a spacer
 * column) are left out, so cells stay under their header. Empty cells between values are cells
 * of the table too, and count against the budget.
 */
export function sheetBlocks(sheet: string, rows: readonly SheetRow[], budget: ElementBudget): TextBlock[] {
  const used = [...new Set(rows.flatMap((row) => row.cells.map((cell) => cell.column)))].sort(
    (a, b) => a - b,
  );
  const position = new Map(used.map((column, i) => [column, i]));
  const records: CsvRecord[] = [];
  for (const row of rows) {
    if (row.cells.length === 0) continue;
    let width = 0;
    for (const cell of row.cells) width = Math.max(width, (position.get(cell.column) ?? 0) + 1);
    const fields = new Array<string>(width).fill("");
    budget.take(fields.length - row.cells.length);
    for (const cell of row.cells) fields[position.get(cell.column) ?? 0] = cell.value;
    records.push({ number: row.number, fields });
  }
  return tableBlocks(splitTitles(records), { sheet });
}
