import { describe, expect, it } from "vitest";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { extractDocument } from "./extract-document.js";
import { utf8 } from "./test-fixtures.js";

describe("CSV blocks", () => {
  it("numbers rows as a spreadsheet does, records spanning lines counted once (csv-spectrum)", async () => {
    const { blocks } = await extractDocument("csv", publicFixture("csvspectrum-quotes_and_newlines.csv"));
    expect(blocks).toEqual([
      { text: "a | b", tableHeader: "a | b", row: 1 },
      { text: '1 | ha "ha" ha', tableHeader: "a | b", row: 2 },
      { text: "3 | 4", tableHeader: "a | b", row: 3 },
    ]);
  });

  it("keeps the row numbers of a real export with blank rows (csvkit Datagov_FY10_EDU_recp_by_State.csv)", async () => {
    const { blocks } = await extractDocument(
      "csv",
      publicFixture("csvkit-Datagov_FY10_EDU_recp_by_State.csv"),
    );
    expect(blocks.find((b) => b.text.startsWith("ALASKA | AK"))?.row).toBe(5);
    expect(blocks.find((b) => b.text.startsWith("WYOMING | WY"))?.row).toBe(54);
  });

  it("counts blank records and skips them", async () => {
    const { blocks } = await extractDocument("csv", utf8("\nname,age\n\nAda,36\n,\nBob,41\n"));
    expect(blocks.map((b) => [b.row, b.text])).toEqual([
      [2, "name | age"],
      [4, "Ada | 36"],
      [6, "Bob | 41"],
    ]);
  });
});
