import { describe, expect, it } from "vitest";
import { chunkSearchText, chunkSearchTexts, searchText, separateWords } from "./search-text.js";

describe("searchText", () => {
  it.each([
    // Arabic presentation forms (as some PDFs' text layers give them) fold into the base letters.
    ["ﻣﺮﺣﺒﺎ ﺑﻜﻢ", "مرحبا بكم"],
    // Full-width Latin and digits, ligatures, subscripts, half-width katakana.
    ["ＤＯＣＳＴＡＣＫ ２０２６", "DOCSTACK 2026"],
    ["ﬁnancial CO₂", "financial CO2"],
    ["ｶﾀｶﾅ", "カタカナ"],
  ])("folds compatibility forms: %j", (text, expected) => {
    expect(searchText(text)).toBe(expected);
  });

  it("leaves text in spaced scripts as it is", () => {
    const text = "Le cheval de l’homme — « test » well-known e-mail: a@b.org, 9%-19% (2.1)\nZeile zwei";
    expect(searchText(text)).toBe(text);
    expect(chunkSearchText(text)).toBeNull();
  });

  it("cuts Chinese and Japanese runs into dictionary words", () => {
    expect(searchText("我在北京大学学习。今天天气很好")).toBe("我在 北京 大学 学习。今天 天气 很好");
    expect(searchText("東京都に住んでいます")).toBe("東京 都 に 住 んで い ます");
  });

  it("separates a run from letters that touch it, and only there", () => {
    expect(searchText("Docstackは東京で")).toBe("Docstack は 東京 で");
    expect(searchText("(東京)")).toBe("(東京)");
  });

  it("gives Hangul runs as syllable pairs, a one-syllable word as itself", () => {
    expect(separateWords("학교에서 공부합니다")).toBe("학교 교에 에서 공부 부합 합니 니다");
    expect(separateWords("물 한 잔")).toBe("물 한 잔");
  });

  it("reads characters outside the Basic Multilingual Plane whole", () => {
    expect(searchText("A𠮷野家")).toBe("A 𠮷 野家");
  });

  it("stores a chunk's search form only when it differs", () => {
    expect(chunkSearchText("plain English text")).toBeNull();
    expect(chunkSearchText("北京大学")).toBe("北京 大学");
  });
});

describe("separateWords on long runs", () => {
  it("cuts a run longer than a segmenter piece into words, losing no character", () => {
    const sentence = "人人生而自由在尊严和权利上一律平等";
    const run = sentence.repeat(2000);
    const words = separateWords(run).split(" ");
    expect(words.join("")).toBe(run);
    expect(words).toContain("尊严");
    // Supplementary-plane characters straddling a piece boundary stay whole.
    const astral = "𠮷".repeat(1500);
    expect(separateWords(astral).replaceAll(" ", "")).toBe(astral);
  });
});

describe("chunkSearchTexts", () => {
  it("gives each chunk's search text in order, null where it is the text", async () => {
    const chunks = [
      "plain words",
      "北京大学",
      ...Array.from({ length: 300 }, (_, i) => `東京都${i}に住んでいます`),
    ];
    const forms = await chunkSearchTexts(chunks);
    expect(forms.slice(0, 3)).toEqual([null, "北京 大学", "東京 都 0 に 住 んで い ます"]);
    expect(forms).toHaveLength(chunks.length);
  });
});
