import { describe, expect, it } from "vitest";
import { alignedSearchText, textRange } from "./aligned-search-text.js";
import { searchText } from "./search-text.js";

/** Small deterministic generator, so a failing text can be found again. */
function randomTexts(count: number, pieces: readonly string[], seed = 1): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 24) }, () => pieces[Math.floor(next() * pieces.length)]).join(
      "",
    ),
  );
}

const awkward = [
  "refund",
  "Refunds",
  " ",
  "\r\n",
  "\t",
  "-",
  ",",
  "“",
  "é",
  "e\u0301",
  "ﬁ",
  "ＲＥＦＵＮＤ",
  "CO₂",
  "ｶﾞ",
  "ﾞ",
  "ㄱㅏ",
  "가\u11a8",
  "東京都",
  "に住んでいます",
  "。",
  "학교에서",
  "ภาษาไทย",
  "😀",
  "𠮷野家",
  "\u0301",
  "½",
];

describe("alignedSearchText", () => {
  it("gives the search form, each unit traced to a stretch of the text that holds it", () => {
    const wrong: string[] = [];
    for (const text of randomTexts(3000, awkward)) {
      const aligned = alignedSearchText(text);
      if (aligned.form !== searchText(text)) wrong.push(`form of ${JSON.stringify(text)}`);
      for (let k = 0; k < aligned.form.length; k++) {
        const from = aligned.from[k] ?? -1;
        const to = aligned.to[k] ?? -1;
        // A unit that is not a space put between words comes from characters of the text whose
        // NFKC holds it.
        const holds =
          from === to ||
          text
            .slice(from, to)
            .normalize("NFKC")
            .includes(aligned.form[k] ?? "");
        if (!(0 <= from && from <= to && to <= text.length && holds))
          wrong.push(`unit ${k} of ${JSON.stringify(text)}: ${from}..${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    // Unchanged text maps unit for unit.
    ["Refunds,\r\n refund", "refund", "refund"],
    // Compatibility forms stand for their NFKC letters as a whole, and no more.
    ["(ＲＥＦＵＮＤ)", "REFUND", "ＲＥＦＵＮＤ"],
    ["the ﬁnancial year", "financial", "ﬁnancial"],
    ["café or cafe\u0301", "café", "cafe\u0301"],
    ["ｶﾞｲﾄﾞ", "ガイド", "ｶﾞｲﾄﾞ"],
    // A word of a separated CJK run is the run's own characters.
    ["Docstackは東京都に", "東京", "東京"],
    ["😀 𠮷野家", "野家", "野家"],
  ])("traces a word of %j's form back to the text", (text, word, expected) => {
    const aligned = alignedSearchText(text);
    const at = aligned.form.lastIndexOf(word);
    expect(at).toBeGreaterThanOrEqual(0);
    const range = textRange(aligned, at, at + word.length);
    expect(text.slice(range.start, range.end)).toBe(expected);
  });

  it("traces the overlapping syllable pairs of Korean to overlapping stretches", () => {
    const aligned = alignedSearchText("학교에서");
    expect(aligned.form).toBe("학교 교에 에서");
    expect(textRange(aligned, 3, 5)).toEqual({ start: 1, end: 3 });
  });
});
