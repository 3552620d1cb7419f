import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ConfigError } from "../config.js";

/** What the ONNX embedder needs from a sentence-transformers model directory. */
export interface OnnxModelDir {
  dir: string;
  modelPath: string;
  /** The name collections record: vectors of two models are never mixed without a reindex. */
  name: string;
  dimension: number;
  /** sentence-transformers' max_seq_length: longer texts are truncated to it, in tokens. */
  maxLength: number;
  tokenizerJson: object;
  tokenizerConfig: object;
}

const required = [
  "model.onnx",
  "tokenizer.json",
  "tokenizer_config.json",
  "config.json",
  "sentence_bert_config.json",
  "docstack-model.json",
];
const howToFetch = "`bash infra/models/fetch-minilm.sh` provisions all-MiniLM-L6-v2 there";

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile() || s.isDirectory(),
    () => false,
  );
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
}

/**
 * Reads and checks a model directory before anything is loaded, so a wrong or empty directory
 * stops startup with one message naming `variable` instead of a runtime error at first use.
 */
export async function readOnnxModelDir(dir: string, variable = "EMBEDDER_MODEL_DIR"): Promise<OnnxModelDir> {
  const abs = resolve(dir);
  const invalid = (problem: string) =>
    new ConfigError([`${variable}: ${problem} (EMBEDDER=onnx); ${howToFetch}`]);
  if (
    !(await stat(abs).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    throw invalid(`no directory at ${abs}`);
  const missing: string[] = [];
  for (const file of required) if (!(await exists(join(abs, file)))) missing.push(file);
  if (missing.length > 0) throw invalid(`${abs} has no ${missing.join(", ")}`);

  const manifest = await readJson(join(abs, "docstack-model.json"));
  const model = await readJson(join(abs, "config.json"));
  const sbert = await readJson(join(abs, "sentence_bert_config.json"));
  const name = manifest.name;
  const dimension = model.hidden_size;
  const maxLength = sbert.max_seq_length;
  if (typeof name !== "string" || name === "") throw invalid(`${abs}/docstack-model.json has no "name"`);
  if (typeof dimension !== "number") throw invalid(`${abs}/config.json has no numeric hidden_size`);
  if (typeof maxLength !== "number" || maxLength < 2)
    throw invalid(`${abs}/sentence_bert_config.json has no max_seq_length`);
  // This adapter mean-pools; a model trained for CLS or max pooling would embed wrongly, quietly.
  const poolingFile = join(abs, "1_Pooling", "config.json");
  if ((await exists(poolingFile)) && (await readJson(poolingFile)).pooling_mode_mean_tokens !== true) {
    throw invalid(`${poolingFile} asks for a pooling other than the mean, which this embedder does not do`);
  }
  return {
    dir: abs,
    modelPath: join(abs, "model.onnx"),
    name,
    dimension,
    maxLength,
    tokenizerJson: await readJson(join(abs, "tokenizer.json")),
    tokenizerConfig: await readJson(join(abs, "tokenizer_config.json")),
  };
}
