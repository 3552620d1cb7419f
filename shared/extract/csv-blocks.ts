import type { TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { parseCsv } from "./parse-csv.js";

const cellSeparator = " | ";

/**
 * A CSV file as a table: the header row (the first row with a value) and then one block per
 * data row, cells joined by " | ", each with its 1-based row number as a spreadsheet shows it
 * (every record counts, blank ones and the header included) and the header line, which every
 * chunk of rows repeats. Values spanning lines inside quotes are put on one line; empty cells
 * at a row's end are dropped, and rows with no value at all.
 */
export function csvBlocks(text: string): TextBlock[] {
  const records = parseCsv(text);
  const headerAt = records.findIndex(hasValue);
  if (headerAt < 0) return [];
  const tableHeader = rowText(records[headerAt] ?? []);
  const blocks: TextBlock[] = [{ text: tableHeader, tableHeader, row: headerAt + 1 }];
  for (let i = headerAt + 1; i < records.length; i++) {
    const record = records[i];
    if (record !== undefined && hasValue(record))
      blocks.push({ text: rowText(record), tableHeader, row: i + 1 });
  }
  if (blocks.length === 1) throw new ExtractionError("CSV has a header row but no data rows");
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
