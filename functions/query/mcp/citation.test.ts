import { describe, expect, it } from "vitest";
import { citablePassages, locationLabel } from "./citation.js";

describe("locationLabel", () => {
  it.each([
    [{ page_start: 3, page_end: 3 }, "page 3"],
    [{ page_start: 3, page_end: 4 }, "pages 3–4"],
    [{ sheet: "Q1", row_start: 2, row_end: 9 }, "sheet Q1, rows 2–9"],
    [{ row_start: 5 }, "row 5"],
    [
      { headings: ["3 Objections", "3.2 Deadlines"], char_start: 0, char_end: 10 },
      "section 3 Objections › 3.2 Deadlines",
    ],
    [{ page_start: 1, headings: ["Intro"] }, "page 1, section Intro"],
    [{ headings: [] }, ""],
    [{}, ""],
  ])("%j -> %s", (location, label) => {
    expect(locationLabel(location)).toBe(label);
  });
});

describe("citablePassages", () => {
  it("numbers passages and names their source, location and id", () => {
    const text = citablePassages([
      {
        document_id: "d1",
        filename: "report.pdf",
        chunk_index: 4,
        text: "Objections are due in 28 days.",
        location: { page_start: 3, page_end: 3 },
        score: 0.0327868,
      },
      {
        document_id: "d2",
        filename: "notes.txt",
        chunk_index: 0,
        text: "No location.",
        location: {},
        score: 1,
      },
    ]);
    expect(text).toBe(
      "[1] report.pdf, page 3 (document_id d1, chunk 4, score 0.03279):\nObjections are due in 28 days.\n\n" +
        "[2] notes.txt (document_id d2, chunk 0, score 1.000):\nNo location.",
    );
  });

  it("says when nothing matched", () => {
    expect(citablePassages([])).toBe("No passage matched.");
  });
});
