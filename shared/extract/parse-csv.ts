import { ExtractionError } from "./extraction-error.js";

/**
 * RFC 4180 records: quoted fields may hold commas, line breaks and doubled quotes; records end at
 * CRLF, LF or a lone CR. Deliberately lenient where real exports are sloppy: a quote inside an
 * unquoted field is literal, text after a closing quote is kept, and spaces before an opening
 * quote are ignored. Only an unterminated quote is an error, since it would swallow the rest.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let atFieldStart = true;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (atFieldStart && (c === '"' || c === " " || c === "\t")) {
      const quoteAt = skipBlanks(text, i);
      if (text[quoteAt] === '"') {
        const quoted = readQuoted(text, quoteAt + 1);
        field = quoted.value;
        i = quoted.next;
        atFieldStart = false;
        continue;
      }
    }
    atFieldStart = false;
    if (c === ",") {
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
      const stop = nextDelimiter(text, i);
      field += text.slice(i, stop);
      i = stop;
    }
  }
  if (!atFieldStart || row.length > 0) {
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

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}

function nextDelimiter(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x0a || c === 0x0d) break;
  }
  return i;
}
