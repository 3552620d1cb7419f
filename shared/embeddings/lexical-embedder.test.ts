import { describe, expect, it } from "vitest";
import { LexicalEmbedder, tokenize } from "./lexical-embedder.js";

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe("LexicalEmbedder", () => {
  const e = new LexicalEmbedder(256);

  it("is deterministic, unit length and of the declared dimension", async () => {
    const [a, b] = await e.embed(["Protein folding in cells", "Protein folding in cells"], "document");
    expect(a).toEqual(b);
    expect(a).toHaveLength(256);
    expect(cosine(a ?? [], a ?? [])).toBeCloseTo(1, 6);
  });

  it("ranks texts sharing vocabulary above unrelated ones", () => {
    const q = e.embedOne("proteins that bind DNA");
    const related = e.embedOne("This protein binds DNA at promoter regions.");
    const unrelated = e.embedOne("The stock market fell sharply on Tuesday.");
    expect(cosine(q, related)).toBeGreaterThan(cosine(q, unrelated) + 0.2);
  });

  it("gives the zero vector for text without words", () => {
    expect(e.embedOne("... !!!").every((x) => x === 0)).toBe(true);
  });

  it("tokenizes unicode words and folds case", () => {
    expect(tokenize("Élan VITAL, naïve café")).toEqual(["élan", "vital", "naïve", "café"]);
  });
});
