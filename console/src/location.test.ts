import { describe, expect, it } from "vitest";
import { describeLocation } from "./location.js";

describe("describeLocation", () => {
  it.each([
    [{ page_start: 12, page_end: 12 }, "page 12"],
    [
      { page_start: 3, page_end: 5, headings: ["3 Objections", "3.2 Deadlines"] },
      "pages 3–5, 3 Objections › 3.2 Deadlines",
    ],
    [{ sheet: "Budget", row_start: 2, row_end: 40 }, "sheet Budget, rows 2–40"],
    [{ row_start: 7 }, "row 7"],
    [{ char_start: 0, char_end: 120 }, ""],
    [{ headings: [] }, ""],
  ])("%j → %s", (location, expected) => {
    expect(describeLocation(location)).toBe(expected);
  });
});
