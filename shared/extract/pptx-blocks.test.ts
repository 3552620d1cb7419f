import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from "@zip.js/zip.js";
import { describe, expect, it } from "vitest";
import { makeWithPython } from "../../tests/support/office-tools.js";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { billionLaughs } from "../../tests/support/xml-bombs.js";
import { rezip } from "../../tests/support/zip-builders.js";
import { extractDocument } from "./extract-document.js";

const sample = () => publicFixture("docling-powerpoint_sample.pptx");

async function part(zip: Uint8Array, name: string): Promise<string> {
  const reader = new ZipReader(new Uint8ArrayReader(zip));
  const entry = (await reader.getEntries()).find((e) => e.filename === name);
  if (entry === undefined || entry.directory) throw new Error(`no ${name}`);
  return new TextDecoder().decode(await entry.getData(new Uint8ArrayWriter()));
}

describe("PPTX blocks", () => {
  it("puts each slide's text on its page under its title, tables row by row, notes last (docling powerpoint_sample.pptx)", async () => {
    const { blocks } = await extractDocument("pptx", sample());
    const title = ["Second slide title"];
    expect(blocks.filter((b) => b.page === 2)).toEqual([
      { text: "Second slide title", page: 2, headings: title },
      { text: "Let’s introduce a list\nWith foo\nBar\nAnd baz things", page: 2, headings: title },
      { text: "A rectangle shape with this text inside.", page: 2, headings: title },
      { text: "Some notes on the second slide.", page: 2, headings: [...title, "Speaker notes"] },
    ]);
    const header = "| Class1 |  |  | Class2";
    expect(blocks.find((b) => b.text.startsWith("R1 |"))).toEqual({
      text: "R1 | True | False |  | False | True | True",
      tableHeader: header,
      page: 1,
      headings: ["Test Table Slide"],
    });
    // Slide 3 has no title placeholder: its notes sit under "Speaker notes" alone.
    expect(blocks.at(-1)).toEqual({
      text: "Final notes on the third slide.\nSecond line of notes.",
      page: 3,
      headings: ["Speaker notes"],
    });
  });

  it("numbers slides in the presentation's order, not by their part names", async () => {
    const file = sample();
    const presentation = await part(file, "ppt/presentation.xml");
    const list = /<p:sldIdLst>(.*?)<\/p:sldIdLst>/.exec(presentation)?.[1] ?? "";
    const ids = list.match(/<p:sldId [^>]*\/>/g) ?? [];
    expect(ids).toHaveLength(3);
    const reordered = presentation.replace(list, [...ids].reverse().join(""));
    const { blocks } = await extractDocument(
      "pptx",
      await rezip(file, { "ppt/presentation.xml": new TextEncoder().encode(reordered) }),
    );
    expect(blocks.find((b) => b.text === "Second slide title")?.page).toBe(2);
    expect(blocks.find((b) => b.text === "Test Table Slide")?.page).toBe(3);
    expect(blocks[0]?.page).toBe(1);
    expect(blocks[0]?.text).toBe("List item4\nList item5\nList item6");
  });

  it("leaves hidden slides out, keeping the others' numbers (python-pptx)", async () => {
    const file = makeWithPython(`
import os
from pptx import Presentation
p = Presentation()
for i, title in enumerate(["Tide tables", "Draft figures", "Harbour fees"]):
    s = p.slides.add_slide(p.slide_layouts[1])
    s.shapes.title.text = title
    s.placeholders[1].text = f"Body of slide {i + 1}"
p.slides[1]._element.set("show", "0")
p.save(os.environ["OUT"])
`);
    const { blocks } = await extractDocument("pptx", file);
    expect(blocks.map((b) => [b.page, b.text])).toEqual([
      [1, "Tide tables"],
      [1, "Body of slide 1"],
      [3, "Harbour fees"],
      [3, "Body of slide 3"],
    ]);
  });

  it("stops at the shape cap with a clear reason", async () => {
    await expect(extractDocument("pptx", sample(), { maxCells: 30 })).rejects.toThrow(
      "the presentation has more than 30 shapes and table cells, the limit (EXTRACT_MAX_CELLS)",
    );
  });

  it("refuses a slide with a DOCTYPE: entities are not expanded", async () => {
    const file = await rezip(sample(), {
      "ppt/slides/slide1.xml": new TextEncoder().encode(billionLaughs("p:sld")),
    });
    await expect(extractDocument("pptx", file)).rejects.toThrow(
      /"ppt\/slides\/slide1.xml" declares a DOCTYPE/,
    );
  });
});
