import { describe, expect, it } from "vitest";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { extractDocument } from "./extract-document.js";
import { utf8 } from "./test-fixtures.js";

describe("HTML blocks", () => {
  it("reads a saved web page laid out with tables as paragraphs (R2R pg_essay_1.html)", async () => {
    const { blocks } = await extractDocument("html", publicFixture("r2r-pg_essay_1.html"));
    const sentence = "What proportion of great work has been done by people who were skating in this sense?";
    const block = blocks.find((b) => b.text.startsWith(sentence));
    // The page has no h1-h6 and no data table: no headings, no table header are made up.
    expect(block).toEqual({ text: `${sentence} If not all of it, certainly a lot.` });
    expect(blocks.some((b) => b.headings !== undefined || b.tableHeader !== undefined)).toBe(false);
  });

  it("gives blocks their h1-h6 path and data tables their rows and header", async () => {
    const html = `<h1>Planning</h1><p>Intro.</p>
      <h2>3 <em>Objections</em></h2><p>Who may object.</p>
      <h3>3.2 Deadlines</h3><p>Within 21 days.</p>
      <table><thead><tr><th>Step</th><th>Days</th></tr></thead>
        <tbody><tr><td rowspan="2">Notice</td><td>7</td></tr><tr><td>14</td></tr></tbody></table>
      <h2>4 Appeals</h2><p>To the tribunal.</p>
      <table role="presentation"><tr><td>layout</td><td>only</td></tr><tr><td>a</td><td>b</td></tr></table>`;
    const { blocks } = await extractDocument("html", utf8(html));
    const deadlines = ["Planning", "3 Objections", "3.2 Deadlines"];
    expect(blocks).toEqual([
      { text: "Planning", headings: ["Planning"] },
      { text: "Intro.", headings: ["Planning"] },
      { text: "3 Objections", headings: ["Planning", "3 Objections"] },
      { text: "Who may object.", headings: ["Planning", "3 Objections"] },
      { text: "3.2 Deadlines", headings: deadlines },
      { text: "Within 21 days.", headings: deadlines },
      { text: "Step | Days", tableHeader: "Step | Days", headings: deadlines },
      { text: "Notice | 7", tableHeader: "Step | Days", headings: deadlines },
      { text: "Notice | 14", tableHeader: "Step | Days", headings: deadlines },
      { text: "4 Appeals", headings: ["Planning", "4 Appeals"] },
      { text: "To the tribunal.", headings: ["Planning", "4 Appeals"] },
      { text: "layout | only", headings: ["Planning", "4 Appeals"] },
      { text: "a | b", headings: ["Planning", "4 Appeals"] },
    ]);
  });

  it("takes leading all-<th> rows, else the first row, as the header", async () => {
    const th = await extractDocument(
      "html",
      utf8("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"),
    );
    expect(th.blocks.map((b) => b.tableHeader)).toEqual(["A | B", "A | B"]);
    const td = await extractDocument(
      "html",
      utf8("<table><tr><td>A</td></tr><tr><td>1</td></tr><tr><td>2</td></tr></table>"),
    );
    expect(td.blocks).toEqual([
      { text: "A", tableHeader: "A" },
      { text: "1", tableHeader: "A" },
      { text: "2", tableHeader: "A" },
    ]);
  });
});
