import { ExtractionError } from "./extraction-error.js";
import { parseCsv } from "./parse-csv.js";

/**
 * One line per data row, "header: value; header: value", so every row stays a self-describing
 * record once chunks are retrieved out of context. Empty values are left out.
 */
export function csvText(text: string): string {
  const [header, ...records] = parseCsv(text).filter((row) => row.some((field) => field.trim() !== ""));
  if (header === undefined) return "";
  if (records.length === 0) throw new ExtractionError("CSV has a header row but no data rows");
  const names = header.map((name, i) => oneLine(name) || columnName(i));
  return records
    .map((record) =>
      record
        .map((value, i) => ({ name: names[i] ?? columnName(i), value: oneLine(value) }))
        .filter(({ value }) => value !== "")
        .map(({ name, value }) => `${name}: ${value}`)
        .join("; "),
    )
    .filter((line) => line !== "")
    .join("\n");
}

function columnName(index: number): string {
  return `column ${index + 1}`;
}

// Values may span lines inside quotes; the record must still come out as a single line.
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
