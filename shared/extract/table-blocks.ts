import type { BlockPlace, TextBlock } from "./extracted-document.js";
import type { CsvTable } from "./parse-csv.js";

const cellSeparator = " | ";

/**
 * A table as blocks (CSV files, spreadsheet sheets): its title lines, the header row, then one
 * block per data row, cells joined by " | ", each with its 1-based row number and the header
 * line, which every chunk of rows repeats. Values spanning lines are put on one line; empty
 * cells at a row's end are dropped, and rows with no value at all.
 */
export function tableBlocks(
  table: Omit<CsvTable, "delimiter">,
  place: Omit<BlockPlace, "row"> = {},
): TextBlock[] {
  const { titles, header, rows } = table;
  if (header === undefined) return [];
  const tableHeader = rowText(header.fields);
  const blocks: TextBlock[] = titles.map((title) => ({
    text: rowText(title.fields),
    ...place,
    row: title.number,
  }));
  blocks.push({ text: tableHeader, tableHeader, ...place, row: header.number });
  for (const { fields, number } of rows) {
    if (hasValue(fields)) blocks.push({ text: rowText(fields), tableHeader, ...place, row: number });
  }
  return blocks;
}

function hasValue(record: readonly string[]): boolean {
  return record.some((field) => field.trim() !== "");
}

function rowText(record: readonly string[]): string {
  const cells = record.map(oneLine);
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells.join(cellSeparator);
}

// Values may span lines (quoted in CSV, Alt+Enter in a spreadsheet); a row stays a single line.
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
