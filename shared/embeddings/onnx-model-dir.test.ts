import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../config.js";
import { readOnnxModelDir } from "./onnx-model-dir.js";

// Stand-in files: the reader checks presence and the configs' fields, never runs the model.
const files: Record<string, unknown> = {
  "model.onnx": "not read here",
  "tokenizer.json": { model: { type: "WordPiece" } },
  "tokenizer_config.json": { pad_token: "[PAD]" },
  "config.json": { hidden_size: 384 },
  "sentence_bert_config.json": { max_seq_length: 256 },
  "docstack-model.json": { name: "all-MiniLM-L6-v2-int8" },
  "1_Pooling/config.json": { pooling_mode_mean_tokens: true },
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
  it("reads the name collections record, the dimension and the token limit", async () => {
    await writeModelDir();
    const m = await readOnnxModelDir(dir);
    expect(m).toMatchObject({ name: "all-MiniLM-L6-v2-int8", dimension: 384, maxLength: 256 });
    expect(m.modelPath).toBe(join(dir, "model.onnx"));
  });

  it("names EMBEDDER_MODEL_DIR and how to provision when the directory is missing", async () => {
    const message = await problem(join(dir, "nowhere"));
    expect(message).toContain("EMBEDDER_MODEL_DIR: no directory at");
    expect(message).toContain("infra/models/fetch-minilm.sh");
  });

  it("lists the files a directory lacks", async () => {
    await writeModelDir({ "model.onnx": null, "tokenizer.json": null });
    expect(await problem()).toMatch(/EMBEDDER_MODEL_DIR: .* has no model\.onnx, tokenizer\.json/);
  });

  it.each([
    ["docstack-model.json", { source: "x" }, /docstack-model\.json has no "name"/],
    ["config.json", { hidden_size: "384" }, /hidden_size/],
    ["sentence_bert_config.json", {}, /max_seq_length/],
    ["1_Pooling/config.json", { pooling_mode_cls_token: true }, /pooling other than the mean/],
  ])("refuses %s without what the embedder needs", async (file, content, why) => {
    await writeModelDir({ [file]: content });
    expect(await problem()).toMatch(why);
  });
});
