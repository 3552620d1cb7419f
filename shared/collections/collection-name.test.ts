import { describe, expect, it } from "vitest";
import { cleanCollectionName } from "./collection-name.js";
import { collectionNameKeys } from "./collection-name-key.js";

describe("cleanCollectionName", () => {
  it.each([
    ["Board\u202eminutes", "Boardminutes"],
    ["policies\u200b\u200c\u200d\u2060\ufeff", "policies"],
    ["Board\r\nminutes", "Board minutes"],
    ["Board\tminutes", "Board minutes"],
    ["a\u0000b\u001bc", "abc"],
    ["\u2066isolated\u2069", "isolated"],
    ["ｐｏｌｉｃｙ", "policy"],
    ["\ufb01les", "files"],
    ["cafe\u0301", "café"],
    ["  two \u3000  spaces\u00a0 ", "two spaces"],
    ["han\u3164gul", "hangul"],
    ["emoji\ufe0f", "emoji"],
    ["Plan 2026 — Q1", "Plan 2026 — Q1"],
    ["Ünïcödé Straße", "Ünïcödé Straße"],
    ["\u0645\u0634\u0631\u0648\u0639", "\u0645\u0634\u0631\u0648\u0639"],
  ])("%j is stored as %j", (raw, cleaned) => {
    expect(cleanCollectionName(raw)).toBe(cleaned);
  });

  it.each([
    "",
    " ",
    "\r\n",
    "\u200b\u202e\u2066\ufeff",
    "\u3000\u00a0",
    "\ud800",
  ])("%j is empty once cleaned", (raw) => {
    expect(cleanCollectionName(raw)).toBe("");
  });

  it("is idempotent", () => {
    for (const raw of ["  ｐｏｌ\u200bｉｃｙ\r\n", "\u00b4x", "a \u0301 b", "\ufdfa", "x\u2028y"]) {
      const once = cleanCollectionName(raw);
      expect(cleanCollectionName(once), JSON.stringify(raw)).toBe(once);
    }
  });
});

describe("collectionNameKeys", () => {
  const clash = (a: string, b: string) => {
    const [x, y] = [collectionNameKeys(a), collectionNameKeys(b)];
    return x.folded === y.folded || x.visual === y.visual;
  };

  it.each([
    "policies",
    "POLICIES",
    "ｐｏｌｉｃｉｅｓ",
    "pol\u200bicies",
    " Policies ",
    "P\u043eli\u0441i\u0435s", // Cyrillic о, с, е
    "Po1icies", // digit one for l
    "PoIicies", // capital I for l
  ])("%j reads as Policies", (same) => {
    expect(clash("Policies", same)).toBe(true);
  });

  it("catches capitals that only look alike as capitals", () => {
    expect(clash("Budget", "\u0412udget")).toBe(true); // Cyrillic В
    expect(clash("TAX", "\u0422AX")).toBe(true); // Cyrillic Т
    expect(clash("Index", "\u0399ndex")).toBe(true); // Greek Ι
  });

  it("keeps names that read differently apart", () => {
    const names = [
      "policies",
      "procedures",
      "policies 2",
      "policies-2",
      "café",
      "cafe",
      "naïve",
      "Straße",
      "budget",
    ];
    for (const a of names) for (const b of names) if (a !== b) expect(clash(a, b), `${a} ${b}`).toBe(false);
  });
});
