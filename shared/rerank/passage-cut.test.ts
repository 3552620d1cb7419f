import { describe, expect, it } from "vitest";
import { cutPassage } from "./passage-cut.js";

describe("cutPassage", () => {
  it("leaves a passage within the limit as it is", () => {
    expect(cutPassage("short text", 100)).toBe("short text");
  });

  it("ends at the last word boundary near the limit", () => {
    const text = "alpha beta gamma delta epsilon";
    expect(cutPassage(text, 20)).toBe("alpha beta gamma");
    expect(cutPassage(text, 20).length).toBeLessThanOrEqual(20);
  });

  it("cuts inside a word when no boundary lies near the limit", () => {
    const text = "a supercalifragilisticexpialidocious word";
    expect(cutPassage(text, 10)).toBe("a supercal");
  });

  it("never splits a surrogate pair", () => {
    const text = `${"x".repeat(9)}😀 and more`;
    const cut = cutPassage(text, 10);
    expect(cut).toBe("x".repeat(9));
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });
});
