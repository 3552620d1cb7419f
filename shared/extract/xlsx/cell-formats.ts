import { readXmlPart } from "../xml/read-xml.js";
import type { ZipArchive } from "../zip/open-zip.js";

/** Renders a numeric cell by its style's number format. */
export type NumberRenderer = (value: number, style: number) => string;

// Built-in formats (ECMA-376 Part 1, 18.8.30) that show a date, a time or a percentage.
const builtInDates = new Set([14, 15, 16, 17, 22]);
const builtInTimes = new Set([18, 19, 20, 21, 45, 46, 47]);
const builtInPercents = new Set([9, 10]);

// Days from 1899-12-30 to 1904-01-01: a 1904-based serial plus this is a 1900-based one.
const days1904 = 1462;
const msPerDay = 86_400_000;
// Serial 0 is 1899-12-30 (Excel counts the 1900-02-29 that never was, which this absorbs after it).
const epoch = Date.UTC(1899, 11, 30);

/**
 * Numbers of a workbook as text that reads the same for every reader: a cell formatted as a
 * date or time (a built-in date format, or a workbook format with day, month, year, hour or
 * second codes) as ISO 8601, "2024-03-14" or "2024-03-14 09:30"; a percentage as "12.5%";
 * any other number in full, to Excel's 15 significant digits, without thousands separators, so
 * "12553" is found as it is typed. docs/decisions.md says why not each cell's exact format.
 */
export async function numberRenderer(
  archive: ZipArchive,
  stylesPart: string | undefined,
  date1904: boolean,
): Promise<NumberRenderer> {
  const codes = new Map<number, string>();
  const styleFormats: number[] = [];
  if (stylesPart !== undefined) {
    let inCellXfs = false;
    await readXmlPart(archive, stylesPart, {
      open(name, attributes) {
        if (name === "numFmt") {
          const id = Number(attributes.numFmtId);
          if (Number.isInteger(id) && attributes.formatCode !== undefined)
            codes.set(id, attributes.formatCode);
        } else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) styleFormats.push(Number(attributes.numFmtId ?? 0));
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    });
  }
  const kinds = new Map<number, FormatKind>();
  const kindOf = (id: number): FormatKind => {
    let kind = kinds.get(id);
    if (kind === undefined) {
      kind = formatKind(id, codes.get(id));
      kinds.set(id, kind);
    }
    return kind;
  };
  return (value, style) => {
    const kind = kindOf(styleFormats[style] ?? 0);
    if (kind === "date" || kind === "time")
      return dateText(date1904 ? value + days1904 : value, kind) ?? plain(value);
    if (kind === "percent") return `${plain(value * 100)}%`;
    return plain(value);
  };
}

type FormatKind = "date" | "time" | "percent" | "number";

function formatKind(id: number, code: string | undefined): FormatKind {
  if (code === undefined) {
    if (builtInDates.has(id)) return "date";
    if (builtInTimes.has(id)) return "time";
    return builtInPercents.has(id) ? "percent" : "number";
  }
  // Literal text ("..."), escapes (\x), colours and conditions ([Red]) are no date codes.
  const bare = code.replace(/"[^"]*"|\\.|\[(?!h\]|m\]|s\])[^\]]*\]/gi, "");
  if (/[dy]/i.test(bare) || (/m/i.test(bare) && /[hs]/i.test(bare) === false && !/[0#?]/.test(bare)))
    return "date";
  if (/[hs]/i.test(bare) && !/[0#?]/.test(bare.replace(/\.0+/, ""))) return "time";
  return bare.includes("%") ? "percent" : "number";
}

function dateText(serial: number, kind: "date" | "time"): string | undefined {
  // Excel's dates run from 1900 to 9999; anything else is no date it could show.
  if (!(serial >= 0 && serial < 2_958_466)) return undefined;
  const days = Math.floor(serial);
  // Excel's serial 60 is the 1900-02-29 that never was; from 61 on, serials are one day ahead.
  const ms = Math.round((serial - days) * msPerDay) + (days < 61 ? days + 1 : days) * msPerDay;
  const iso = new Date(epoch + ms).toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, iso.endsWith(":00.000Z") ? 16 : 19);
  if (kind === "time") return serial < 1 ? time : `${date} ${time}`;
  return ms % msPerDay === 0 ? date : `${date} ${time}`;
}

/** A number in full, at Excel's precision of 15 significant digits. */
function plain(value: number): string {
  return String(Number(value.toPrecision(15)));
}
