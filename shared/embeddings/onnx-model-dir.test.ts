import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../config.js";
import { readOnnxModelDir } from "./onnx-model-dir.js";

// Stand-in files: the reader checks presence and the descriptor's fields, never runs the model.
const minilm = {
  name: "all-MiniLM-L6-v2-int8",
  dimension: 384,
  max_tokens: 256,
  pooling: "mean",
  query_instruction: "",
};
const files: Record<string, unknown> = {
  "model.onnx": "not read here",
  "tokenizer.json": { model: { type: "WordPiece" } },
  "tokenizer_config.json": { pad_token: "[PAD]" },
  "docstack-model.json": minilm,
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "docstack-model-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function writeModelDir(overrides: Record<string, unknown | null> = {}): Promise<void> {
  for (const [file, content] of Object.entries({ ...files, ...overrides })) {
    if (content === null) continue;
    await mkdir(join(dir, file, ".."), { recursive: true });
    await writeFile(join(dir, file), typeof content === "string" ? content : JSON.stringify(content));
  }
}

async function problem(path = dir): Promise<string> {
  const error = await readOnnxModelDir(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

describe("readOnnxModelDir", () => {
  it("reads the name collections record, the dimension, the token limit and the pooling", async () => {
    await writeModelDir();
    const m = await readOnnxModelDir(dir);
    expect(m).toMatchObject({
      name: "all-MiniLM-L6-v2-int8",
      dimension: 384,
      maxTokens: 256,
      pooling: "mean",
      queryInstruction: "",
      dynamicQuantization: false,
      tokenizerConfig: { pad_token: "[PAD]" },
    });
    expect(m.modelPath).toBe(join(dir, "model.onnx"));
  });

  it("reads a [CLS]-pooled model with a query instruction and no tokenizer_config.json", async () => {
    const bge = {
      name: "bge-small-en-v1.5-int8",
      dimension: 384,
      max_tokens: 512,
      pooling: "cls",
      query_instruction: "Represent this sentence for searching relevant passages: ",
      dynamic_quantization: true,
    };
    await writeModelDir({ "docstack-model.json": bge, "tokenizer_config.json": null });
    expect(await readOnnxModelDir(dir)).toMatchObject({
      name: "bge-small-en-v1.5-int8",
      maxTokens: 512,
      pooling: "cls",
      queryInstruction: "Represent this sentence for searching relevant passages: ",
      dynamicQuantization: true,
      tokenizerConfig: {},
    });
  });

  it("takes a missing query instruction as none and batches unless told otherwise", async () => {
    const { query_instruction: _, ...without } = minilm;
    await writeModelDir({ "docstack-model.json": without });
    expect(await readOnnxModelDir(dir)).toMatchObject({ queryInstruction: "", dynamicQuantization: false });
  });

  it("names EMBEDDER_MODEL_DIR and how to provision when the directory is missing", async () => {
    const message = await problem(join(dir, "nowhere"));
    expect(message).toContain("EMBEDDER_MODEL_DIR: no directory at");
    expect(message).toContain("infra/models/fetch-minilm.sh");
    expect(message).toContain("infra/models/fetch-bge-small.sh");
  });

  it("lists the files a directory lacks", async () => {
    await writeModelDir({ "model.onnx": null, "tokenizer.json": null });
    expect(await problem()).toMatch(/EMBEDDER_MODEL_DIR: .* has no model\.onnx, tokenizer\.json/);
  });

  it.each([
    ["no name", { ...minilm, name: "" }, /docstack-model\.json lacks or mistypes name/],
    ["a dimension as text", { ...minilm, dimension: "384" }, /mistypes dimension/],
    ["no token limit", { ...minilm, max_tokens: undefined }, /mistypes max_tokens/],
    ["a pooling it cannot do", { ...minilm, pooling: "max" }, /mistypes pooling/],
    [
      "an older script's manifest",
      { name: "all-MiniLM-L6-v2-int8", source: "x" },
      /run its fetch script again/,
    ],
  ])("refuses a descriptor with %s", async (_, descriptor, why) => {
    await writeModelDir({ "docstack-model.json": descriptor });
    expect(await problem()).toMatch(why);
  });
});
