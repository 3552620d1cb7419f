import { ExtractionError } from "./extraction-error.js";

export type CsvDelimiter = "," | ";" | "\t" | "|";

/**
 * RFC 4180 records: quoted fields may hold delimiters, line breaks and doubled quotes; records
 * end at CRLF, LF or a lone CR. Deliberately lenient where real exports are sloppy: a quote
 * inside an unquoted field is literal, text after a closing quote is kept, and spaces before an
 * opening quote are ignored. Only an unterminated quote is an error, since it would swallow the
 * rest. The delimiter is detected (detectCsvDelimiter) unless given.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectCsvDelimiter(text)): string[][] {
  return readRecords(text, delimiter, Number.POSITIVE_INFINITY);
}

/** Candidates in order of preference when two explain the sample equally well. */
const candidates: readonly CsvDelimiter[] = [",", ";", "\t", "|"];

/** Records the delimiter detection reads; enough to see a table's shape past a title or two. */
const sampleRecords = 50;

/**
 * The delimiter that splits the first records into the most consistent table of two or more
 * columns: for each candidate, the share of non-blank records that have the commonest field
 * count, quotes honoured (a ";" inside a quoted field splits nothing). Ties go to the wider
 * table, then to the order `,` `;` tab `|`. A file no candidate splits is one column: ",".
 * Spreadsheet programs ask the user instead; a consistent shape is what they would answer.
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; share: number; width: number } | undefined;
  for (const delimiter of candidates) {
    const shape = tableShape(sampleOf(text, delimiter));
    if (shape === undefined) continue;
    const better =
      best === undefined ||
      shape.share > best.share ||
      (shape.share === best.share && shape.width > best.width);
    if (better) best = { delimiter, ...shape };
  }
  return best?.delimiter ?? ",";
}

function sampleOf(text: string, delimiter: CsvDelimiter): string[][] {
  try {
    return readRecords(text, delimiter, sampleRecords);
  } catch {
    // An unterminated quote under this delimiter: it cannot be the file's.
    return [];
  }
}

/** The commonest field count of the non-blank records (if at least 2), and the share having it. */
function tableShape(records: string[][]): { width: number; share: number } | undefined {
  const widths = new Map<number, number>();
  let rows = 0;
  for (const record of records) {
    if (isBlank(record)) continue;
    rows++;
    widths.set(record.length, (widths.get(record.length) ?? 0) + 1);
  }
  let width = 0;
  let count = 0;
  for (const [w, n] of widths) if (n > count || (n === count && w > width)) [width, count] = [w, n];
  return width < 2 ? undefined : { width, share: count / rows };
}

export interface CsvRecord {
  /** 1-based record number in the file, blank records counted (a record may span lines). */
  number: number;
  fields: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  /** Records above the header holding a single value: a title or caption, not column names. */
  titles: CsvRecord[];
  /** The column names; undefined for a file without any non-blank record. */
  header: CsvRecord | undefined;
  /** The data records, blank ones left out. */
  rows: CsvRecord[];
}

/** How far down a title may push the header: past this, single values are data of a narrow file. */
const maxTitleRecords = 10;

/**
 * A CSV file as a table: its delimiter, the title lines above the header (exports from
 * spreadsheets and statistics offices often start with one: "Stanley Cups", then "Team,
 * Location, Cups"), the header and the non-blank data records. A title is a leading record with
 * one non-empty field, followed by a record with two or more (the header) and at least one data
 * record; in a one-column file nothing is a title, nor in "id,\n1,x", a header naming one column.
 */
export function parseCsvTable(text: string, delimiter: CsvDelimiter = detectCsvDelimiter(text)): CsvTable {
  const records = parseCsv(text, delimiter).map((fields, i) => ({ number: i + 1, fields }));
  return { delimiter, ...splitTitles(records) };
}

/**
 * A table's records (a CSV file's, a spreadsheet's sheet) split into title lines, header and
 * data, blank records left out: see parseCsvTable.
 */
export function splitTitles(all: readonly CsvRecord[]): Omit<CsvTable, "delimiter"> {
  const records = all.filter((record) => !isBlank(record.fields));
  const headerAt = records.findIndex((record) => filledFields(record.fields) >= 2);
  const titled = headerAt > 0 && headerAt <= maxTitleRecords && headerAt + 1 < records.length;
  const titleCount = titled ? headerAt : 0;
  return {
    titles: records.slice(0, titleCount),
    header: records[titleCount],
    rows: records.slice(titleCount + 1),
  };
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === "");
}

function filledFields(fields: readonly string[]): number {
  return fields.filter((field) => field.trim() !== "").length;
}

function readRecords(text: string, delimiter: CsvDelimiter, limit: number): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let atFieldStart = true;
  let i = 0;
  while (i < text.length && rows.length < limit) {
    const c = text[i];
    if (atFieldStart && (c === '"' || c === " " || c === "\t")) {
      const quoteAt = skipBlanks(text, i, delimiter);
      if (text[quoteAt] === '"') {
        const quoted = readQuoted(text, quoteAt + 1);
        field = quoted.value;
        i = quoted.next;
        atFieldStart = false;
        continue;
      }
    }
    atFieldStart = false;
    if (c === delimiter) {
      row.push(field);
      field = "";
      atFieldStart = true;
      i++;
    } else if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      atFieldStart = true;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      const stop = nextDelimiter(text, i, delimiter);
      field += text.slice(i, stop);
      i = stop;
    }
  }
  if (rows.length < limit && (!atFieldStart || row.length > 0)) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readQuoted(text: string, from: number): { value: string; next: number } {
  const pieces: string[] = [];
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) throw new ExtractionError("CSV has a quoted field that is never closed");
    pieces.push(text.slice(i, quote));
    if (text[quote + 1] !== '"') return { value: pieces.join(""), next: quote + 1 };
    pieces.push('"');
    i = quote + 2;
  }
}

// Blanks before an opening quote are skipped, except the delimiter itself when it is a tab.
function skipBlanks(text: string, from: number, delimiter: CsvDelimiter): number {
  let i = from;
  while ((text[i] === " " || text[i] === "\t") && text[i] !== delimiter) i++;
  return i;
}

function nextDelimiter(text: string, from: number, delimiter: CsvDelimiter): number {
  const d = delimiter.charCodeAt(0);
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === d || c === 0x0a || c === 0x0d) break;
  }
  return i;
}
