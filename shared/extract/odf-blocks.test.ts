import { describe, expect, it } from "vitest";
import { makeWithPython } from "../../tests/support/office-tools.js";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { billionLaughs } from "../../tests/support/xml-bombs.js";
import { rezip } from "../../tests/support/zip-builders.js";
import { extractDocument } from "./extract-document.js";

describe("ODT blocks", () => {
  it("gives paragraphs and list items the path of the headings above them (docling text_document_01.odt)", async () => {
    const { blocks } = await extractDocument("odt", publicFixture("docling-text_document_01.odt"));
    const at = (text: string) => blocks.find((b) => b.text === text);
    // Title and Subtitle are paragraph styles, not headings: nothing is above them.
    expect(at("Title")).toEqual({ text: "Title" });
    expect(at("Heading level 2: A")?.headings).toEqual(["heading level 1.0", "Heading level 2: A"]);
    expect(at("bullet list 2.2.1")?.headings).toEqual(["heading level 1.0", "Heading level 2: A"]);
    expect(at("Heading level 2: B")?.headings).toEqual(["heading level 1.0", "Heading level 2: B"]);
    // The space after "Lorem Ipsum" is a no-break space in the file.
    expect(blocks.find((b) => b.text.startsWith("Lorem Ipsum\u00a0is simply dummy text"))?.headings).toEqual([
      "heading level 1.0",
    ]);
  });

  it("keeps a table's rows as rows with their header (odfpy)", async () => {
    const file = makeWithPython(`
import os
from odf.opendocument import OpenDocumentText
from odf.text import H, P
from odf.table import Table, TableColumn, TableRow, TableCell
doc = OpenDocumentText()
doc.text.addElement(H(outlinelevel=1, text="Harbour fees"))
t = Table(name="Fees")
t.addElement(TableColumn(numbercolumnsrepeated=2))
for cells in [["Vessel", "Fee"], ["Ferry", "120 EUR"], ["Tug", "80 EUR"]]:
    row = TableRow()
    for value in cells:
        cell = TableCell()
        cell.addElement(P(text=value))
        row.addElement(cell)
    t.addElement(row)
doc.text.addElement(t)
doc.text.addElement(P(text="Fees are due on arrival."))
doc.save(os.environ["OUT"])
`);
    const { blocks } = await extractDocument("odt", file);
    const place = { headings: ["Harbour fees"], tableHeader: "Vessel | Fee" };
    expect(blocks).toEqual([
      { text: "Harbour fees", headings: ["Harbour fees"] },
      { text: "Vessel | Fee", ...place },
      { text: "Ferry | 120 EUR", ...place },
      { text: "Tug | 80 EUR", ...place },
      { text: "Fees are due on arrival.", headings: ["Harbour fees"] },
    ]);
  });

  it("refuses content.xml with a DOCTYPE", async () => {
    const file = await rezip(publicFixture("docling-text_document_01.odt"), {
      "content.xml": new TextEncoder().encode(billionLaughs("office:document-content")),
    });
    await expect(extractDocument("odt", file)).rejects.toThrow(/"content.xml" declares a DOCTYPE/);
  });
});

describe("ODS blocks", () => {
  it("reads the sheet as a table with its title line and row numbers (docling odf_table_with_title_01.ods)", async () => {
    const { blocks } = await extractDocument("ods", publicFixture("docling-odf_table_with_title_01.ods"));
    const header = "Year | Freshwater Ducks";
    expect(blocks.slice(0, 3)).toEqual([
      { text: "Number of freshwater ducks per year", sheet: "Sheet1", row: 2 },
      { text: header, tableHeader: header, sheet: "Sheet1", row: 4 },
      { text: "2019 | 120", tableHeader: header, sheet: "Sheet1", row: 5 },
    ]);
    expect(blocks.at(-1)).toEqual({ text: "2024 | 180", tableHeader: header, sheet: "Sheet1", row: 10 });
  });

  it("counts repeated rows and cells, and stops at the cell cap", async () => {
    await expect(
      extractDocument("ods", publicFixture("docling-odf_table_with_title_01.ods"), { maxCells: 10 }),
    ).rejects.toThrow("the spreadsheet has more than 10 cells, the limit (EXTRACT_MAX_CELLS)");
  });
});

describe("ODP blocks", () => {
  it("puts each slide's text on its page under its title, with the speaker notes (odfpy)", async () => {
    const file = makeWithPython(`
import os
from odf.opendocument import OpenDocumentPresentation
from odf.style import Style, MasterPage, PageLayout
from odf.draw import Page, Frame, TextBox
from odf.presentation import Notes
from odf.text import P
from odf.namespaces import PRESENTATIONNS
doc = OpenDocumentPresentation()
layout = PageLayout(name="L")
doc.automaticstyles.addElement(layout)
master = MasterPage(name="M", pagelayoutname=layout)
doc.masterstyles.addElement(master)
for title, body, notes in [("Tide tables", "High water at 06:12", "Mention the spring tide"), ("Harbour fees", "Ferries pay 120 EUR", None)]:
    page = Page(masterpagename=master, name=title)
    for cls, text in [("title", title), ("outline", body)]:
        frame = Frame(width="20cm", height="3cm", x="1cm", y="1cm")
        frame.setAttrNS(PRESENTATIONNS, "class", cls)
        box = TextBox()
        box.addElement(P(text=text))
        frame.addElement(box)
        page.addElement(frame)
    if notes:
        n = Notes()
        frame = Frame(width="20cm", height="3cm", x="1cm", y="1cm")
        frame.setAttrNS(PRESENTATIONNS, "class", "notes")
        box = TextBox()
        box.addElement(P(text=notes))
        frame.addElement(box)
        n.addElement(frame)
        page.addElement(n)
    doc.presentation.addElement(page)
doc.save(os.environ["OUT"])
`);
    const { blocks } = await extractDocument("odp", file);
    expect(blocks).toEqual([
      { text: "Tide tables", page: 1, headings: ["Tide tables"] },
      { text: "High water at 06:12", page: 1, headings: ["Tide tables"] },
      { text: "Mention the spring tide", page: 1, headings: ["Tide tables", "Speaker notes"] },
      { text: "Harbour fees", page: 2, headings: ["Harbour fees"] },
      { text: "Ferries pay 120 EUR", page: 2, headings: ["Harbour fees"] },
    ]);
  });
});
