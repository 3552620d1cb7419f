import type { TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { parseCsvTable } from "./parse-csv.js";
import { tableBlocks } from "./table-blocks.js";

/**
 * A CSV file as a table (table-blocks.ts): its title lines (a statistics office's "Stanley Cups"
 * above the header, parse-csv.ts), the header row, then one block per data row with its 1-based
 * row number as a spreadsheet shows it (every record counts, blank ones and the header
 * included). The delimiter is detected (`,` `;` tab `|`).
 */
export function csvBlocks(text: string): TextBlock[] {
  const table = parseCsvTable(text);
  if (table.header === undefined) return [];
  if (table.rows.length === 0) throw new ExtractionError("CSV has a header row but no data rows");
  return tableBlocks(table);
}
