import { ExtractionError } from "./extraction-error.js";
import { parseCsvTable } from "./parse-csv.js";

/**
 * One line per data row, "header: value; header: value", so every row stays a self-describing
 * record once chunks are retrieved out of context. Empty values are left out. Title lines above
 * the header come first, as they are.
 */
export function csvText(text: string): string {
  const { titles, header, rows } = parseCsvTable(text);
  if (header === undefined) return "";
  if (rows.length === 0) throw new ExtractionError("CSV has a header row but no data rows");
  const names = header.fields.map((name, i) => oneLine(name) || columnName(i));
  const titleLines = titles.map((title) =>
    title.fields
      .map(oneLine)
      .filter((v) => v !== "")
      .join(" "),
  );
  const rowLines = rows
    .map(({ fields }) =>
      fields
        .map((value, i) => ({ name: names[i] ?? columnName(i), value: oneLine(value) }))
        .filter(({ value }) => value !== "")
        .map(({ name, value }) => `${name}: ${value}`)
        .join("; "),
    )
    .filter((line) => line !== "");
  return [...titleLines, ...rowLines].join("\n");
}

function columnName(index: number): string {
  return `column ${index + 1}`;
}

// Values may span lines inside quotes; the record must still come out as a single line.
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
