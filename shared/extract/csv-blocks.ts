import type { TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { parseCsvTable } from "./parse-csv.js";

const cellSeparator = " | ";

/**
 * A CSV file as a table: its title lines (a statistics office's "Stanley Cups" above the header,
 * parse-csv.ts), the header row, then one block per data row, cells joined by " | ", each with
 * its 1-based row number as a spreadsheet shows it (every record counts, blank ones and the
 * header included) and the header line, which every chunk of rows repeats. The delimiter is
 * detected (`,` `;` tab `|`). Values spanning lines inside quotes are put on one line; empty
 * cells at a row's end are dropped, and rows with no value at all.
 */
export function csvBlocks(text: string): TextBlock[] {
  const { titles, header, rows } = parseCsvTable(text);
  if (header === undefined) return [];
  const tableHeader = rowText(header.fields);
  const blocks: TextBlock[] = titles.map((title) => ({ text: rowText(title.fields), row: title.number }));
  blocks.push({ text: tableHeader, tableHeader, row: header.number });
  for (const { fields, number } of rows) {
    if (hasValue(fields)) blocks.push({ text: rowText(fields), tableHeader, row: number });
  }
  if (rows.length === 0) throw new ExtractionError("CSV has a header row but no data rows");
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

// Values may span lines inside quotes; the record must still come out as a single line.
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
