import { format, getFormatFromId, isDateFormat } from "numfmt";
import { readXmlPart } from "../xml/read-xml.js";
import type { ZipArchive } from "../zip/open-zip.js";

/**
 * Built-in formats whose look depends on the reader's locale (14: short date, 22: date and
 * time): Excel shows "3/14/2024" in the US and "14.03.2024" in Germany. A collection mixes
 * readers, so these are written the one way no reader misreads, ISO 8601.
 */
const localeDependent: Record<number, string> = { 14: "yyyy-mm-dd", 22: "yyyy-mm-dd hh:mm" };

// Days from 1899-12-30 to 1904-01-01: a 1904-based serial plus this is a 1900-based one.
const days1904 = 1462;

/** Renders a numeric cell by its style's number format, as the spreadsheet shows it. */
export type NumberRenderer = (value: number, style: number) => string;

/**
 * The number formats of a workbook's styles (xl/styles.xml): `cellXfs` gives each style index
 * its numFmtId, `numFmts` the workbook's own format codes; the rest are Excel's built-ins.
 * numfmt renders them as Excel does (dates from serial numbers, thousands, percentages).
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
  const formats = new Map<number, { pattern: string; date: boolean }>();
  const formatOf = (id: number) => {
    let found = formats.get(id);
    if (found === undefined) {
      const pattern = localeDependent[id] ?? codes.get(id) ?? getFormatFromId(id) ?? "General";
      found = { pattern, date: isDateFormat(pattern) };
      formats.set(id, found);
    }
    return found;
  };
  return (value, style) => {
    const { pattern, date } = formatOf(styleFormats[style] ?? 0);
    // An invalid pattern or a date out of range shows the raw value rather than "######".
    const shown = format(pattern, date && date1904 ? value + days1904 : value, {
      throws: false,
      invalid: unshown,
      overflow: unshown,
    });
    return shown === unshown ? String(value) : shown;
  };
}

const unshown = "\u0000";
