import { describe, expect, it } from "vitest";
import { makeWithPython } from "../../tests/support/office-tools.js";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { billionLaughs, externalEntity } from "../../tests/support/xml-bombs.js";
import { rezip } from "../../tests/support/zip-builders.js";
import { extractDocument } from "./extract-document.js";
import type { TextBlock } from "./extracted-document.js";

const encoder = new TextEncoder();
const rowOf = (blocks: TextBlock[], text: string) => blocks.find((b) => b.text === text);

describe("XLSX blocks", () => {
  it("gives each sheet's rows their sheet, row number and header (calamine table-multiple.xlsx)", async () => {
    const { blocks } = await extractDocument("xlsx", publicFixture("calamine-table-multiple.xlsx"));
    expect(rowOf(blocks, "2 | 0.75")).toEqual({
      text: "2 | 0.75",
      sheet: "Sheet2",
      row: 3,
      tableHeader: "Item | Price",
    });
    expect(blocks.filter((b) => b.sheet === "Sheet1").map((b) => b.row)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(blocks.map((b) => b.sheet))).toEqual(new Set(["Sheet1", "Sheet2", "Sheet3"]));
  });

  it("keeps title lines above the header apart, and skips empty columns (unstructured half-year analyses)", async () => {
    const { blocks } = await extractDocument(
      "xlsx",
      publicFixture("unstructured-2023-half-year-analyses-by-segment.xlsx"),
    );
    const sheet = "OS-Rev.and results 30 06 2023";
    expect(blocks[0]).toEqual({ text: "3. Analyses by segment", sheet, row: 1 });
    const zone = blocks.find((b) => b.sheet === sheet && b.text.startsWith("Zone EUR | 9467"));
    expect(zone).toMatchObject({ row: 10, tableHeader: expect.stringMatching(/^In millions of CHF \|/) });
    // Formula cells give the value Excel saved; negative amounts are numbers, not "(197)".
    expect(zone?.text).toBe("Zone EUR | 9467 | 1570 | 1373 | -197 | -5 | -140 | -414");
  });

  it("shows dates, times, percentages, booleans and formulas' cached values; leaves hidden sheets out", async () => {
    const workbook = makeWithPython(`
import os, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Budget"
ws.append(["Item", "Due", "Share", "Paid", "Total"])
ws.append(["Harbour dredging", datetime.date(2024, 3, 14), 0.125, True, 1234567.891])
ws["B2"].number_format = "mm-dd-yy"
ws["C2"].number_format = "0.0%"
ws.append(["Night shift", datetime.datetime(2024, 3, 14, 9, 30), 0.5, False, "=E2*2"])
hidden = wb.create_sheet("Lookup")
hidden.append(["secret", "value"])
hidden.append(["never", "shown"])
hidden.sheet_state = "hidden"
wb.save(os.environ["OUT"])
`);
    const { blocks } = await extractDocument("xlsx", workbook);
    expect(blocks.map((b) => b.text)).toEqual([
      "Item | Due | Share | Paid | Total",
      "Harbour dredging | 2024-03-14 | 12.5% | TRUE | 1234567.891",
      // C3 has no percentage format; openpyxl saves no cached value for the formula in E3, so
      // that cell, with nothing computed, shows nothing.
      "Night shift | 2024-03-14 09:30 | 0.5 | FALSE",
    ]);
    expect(blocks.every((b) => b.sheet === "Budget")).toBe(true);
  });

  it("stops at the cell cap with a clear reason", async () => {
    const error = await extractDocument("xlsx", publicFixture("calamine-table-multiple.xlsx"), {
      maxCells: 20,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: "the workbook has more than 20 cells, the limit (EXTRACT_MAX_CELLS)",
    });
  });

  it.each([
    ["billion laughs", () => billionLaughs("worksheet")],
    ["an external entity", () => externalEntity("worksheet", "/etc/hostname")],
  ])("refuses a sheet with a DOCTYPE (%s): nothing expanded, nothing read", async (_name, xml) => {
    const file = await rezip(publicFixture("calamine-table-multiple.xlsx"), {
      "xl/worksheets/sheet1.xml": encoder.encode(xml()),
    });
    await expect(extractDocument("xlsx", file)).rejects.toThrow(
      'the part "xl/worksheets/sheet1.xml" declares a DOCTYPE (XML entities), which Office and OpenDocument files never do; refused as unsafe',
    );
  });
});
