import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { BertTokenizer } from "./bert-tokenizer.js";
import { minilmTokenCases } from "./fixtures/minilm-token-cases.js";

// The model's tokenizer.json cut down to the pieces these cases use (ids unchanged): see
// tests/models/make-tokenizer-fixture.ts. The model suite checks the same cases on the full file.
const fixture = async (name: string) =>
  JSON.parse(await readFile(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as object;

describe("BertTokenizer (all-MiniLM-L6-v2's vocabulary)", async () => {
  const json = await fixture("minilm-tokenizer.subset.json");
  const config = await fixture("minilm-tokenizer-config.json");
  const tokenizer = await BertTokenizer.create(json, config, 256);

  it.each(minilmTokenCases)("$why", ({ text, ids }) => {
    expect(tokenizer.encode(text)).toEqual(ids);
  });

  it("ignores the truncation at 128 and the padding that tokenizer.json carries", () => {
    expect(tokenizer.encode("cat ".repeat(200))).toHaveLength(202);
    expect(tokenizer.encode("cat")).toEqual([101, 4937, 102]);
  });

  it("pads with [PAD]'s id", () => {
    expect(tokenizer.padId).toBe(0);
  });

  it("truncates at the model's max_seq_length", async () => {
    // [CLS] + 3 pieces + [SEP]
    const short = await BertTokenizer.create(json, config, 5);
    expect(short.encode("hello, world!")).toEqual([101, 7592, 1010, 2088, 102]);
  });
});
