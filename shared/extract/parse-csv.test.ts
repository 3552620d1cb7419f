import { describe, expect, it } from "vitest";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { decodeText } from "./decode-text.js";
import { detectCsvDelimiter, parseCsv, parseCsvTable } from "./parse-csv.js";

const fixture = (name: string) => decodeText(publicFixture(name), { html: false }).text;

describe("detectCsvDelimiter", () => {
  it.each([
    ["docling-csv-semicolon.csv", ";"],
    ["csvkit-Datagov_FY10_EDU_recp_by_State.csv", ","],
    ["unstructured-stanley-cups.tsv", "\t"],
    ["csvspectrum-quotes_and_newlines.csv", ","],
  ])("%s: %j", (name, delimiter) => {
    expect(detectCsvDelimiter(fixture(name))).toBe(delimiter);
  });

  it.each([
    ["semicolons with decimal commas", "Name;Price;Weight\nApple;1,50;0,2\nPear;2,30;0,3\n", ";"],
    ["pipes, with commas inside values", "id|name|note\n1|Ann|likes a, b\n2|Bob|ok\n", "|"],
    ["tabs, with a title line", "Report 2024\nName\tCity\tCount\nAnn\tOslo\t3\nBob\tBergen\t4\n", "\t"],
    ["a semicolon only inside quotes", 'a,b\n"x;y",1\n"z;w",2\n', ","],
    ["one column", "name\nAnn\nBob\n", ","],
    ["commas and semicolons equally consistent: the wider table", "a;b,c,d\n1;2,3,4\n", ","],
  ])("%s", (_name, text, delimiter) => {
    expect(detectCsvDelimiter(text)).toBe(delimiter);
  });
});

describe("parseCsv", () => {
  it("splits on the detected delimiter, keeping quoted ones", () => {
    const rows = parseCsv(fixture("docling-csv-semicolon.csv"));
    expect(rows[0]).toHaveLength(12);
    expect(rows[0]?.[1]).toBe("Customer Id");
    expect(rows[4]?.[4]).toBe("Dominguez;Mcmillan and Donovan");
  });

  it("takes a given delimiter as is", () => {
    expect(parseCsv("a;b\n1;2", ",")).toEqual([["a;b"], ["1;2"]]);
  });

  it("keeps empty tab-separated fields and skips blanks before a quote", () => {
    expect(parseCsv('a\t\tb\n1\t "x\ty"\t2', "\t")).toEqual([
      ["a", "", "b"],
      ["1", "x\ty", "2"],
    ]);
  });
});

describe("parseCsvTable", () => {
  it("takes the line above the header as a title (Stanley Cups, tab-separated)", () => {
    const table = parseCsvTable(fixture("unstructured-stanley-cups.tsv"));
    expect(table.titles.map((t) => t.fields[0])).toEqual(["Stanley Cups"]);
    expect(table.header).toEqual({ number: 2, fields: ["Team", "Location", "Stanley Cups"] });
    expect(table.rows[0]).toEqual({ number: 3, fields: ["Blues", "STL", "1"] });
  });

  it("skips a row of empty fields and takes the title under it (data.gov)", () => {
    const table = parseCsvTable(fixture("csvkit-Datagov_FY10_EDU_recp_by_State.csv"));
    expect(table.titles).toEqual([
      {
        number: 2,
        fields: [expect.stringMatching(/^Number of Beneficaries/), "", "", "", "", "", "", "", ""],
      },
    ]);
    expect(table.header?.fields.slice(0, 2)).toEqual(["State Name", "State Abbreviate"]);
    expect(table.rows[0]?.fields).toEqual([
      "ALABAMA",
      "AL",
      "7738",
      "5779",
      "2075",
      "3102",
      "883",
      "5",
      "19,582",
    ]);
  });

  it("numbers records, not lines, and counts blank ones", () => {
    const table = parseCsvTable('a,b\n1,"two\nlines"\n\n3,4\n');
    expect(table.rows.map((r) => r.number)).toEqual([2, 4]);
  });

  it.each([
    ["a header that names one column", "id,\n1,x,extra"],
    ["a one-column file", "name\nAnn\nBob"],
    ["a table with no title", "a,b\n1,2"],
  ])("finds no title in %s", (_name, text) => {
    expect(parseCsvTable(text).titles).toEqual([]);
  });

  it("finds no title when the wide record comes only after ten single values", () => {
    const text = `${"note\n".repeat(11)}a,b\n1,2\n`;
    expect(parseCsvTable(text).titles).toEqual([]);
    expect(parseCsvTable(text).header?.fields).toEqual(["note"]);
  });
});
