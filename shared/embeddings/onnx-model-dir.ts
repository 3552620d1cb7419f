import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { ConfigError } from "../config.js";
import type { Pooling } from "./pooling.js";

/**
 * docstack-model.json, written by the script that provisions the directory: everything that
 * differs between the models this embedder runs, so the code has no per-model branches.
 */
const descriptorSchema = z.object({
  /** The name collections record: vectors of two models are never mixed without a reindex. */
  name: z.string().min(1),
  dimension: z.number().int().positive(),
  /** Longer texts are truncated to this many tokens, [CLS] and [SEP] included. */
  max_tokens: z.number().int().min(2),
  /** How token vectors become one: what the model was trained with. */
  pooling: z.enum(["mean", "cls"]),
  /** Prepended to queries, never to documents; empty for symmetric models. */
  query_instruction: z.string().default(""),
  /**
   * The graph quantizes activations as it runs (DynamicQuantizeLinear, as onnxruntime's
   * quantize_dynamic writes), with one scale per forward pass: a text's vector then depends on
   * the other texts and the padding in its pass (bge: cosine 0.996 to itself alone).
   */
  dynamic_quantization: z.boolean().default(false),
  source: z.string().optional(),
  license: z.string().optional(),
});

/** What the ONNX embedder needs from a model directory. */
export interface OnnxModelDir {
  dir: string;
  modelPath: string;
  name: string;
  dimension: number;
  maxTokens: number;
  pooling: Pooling;
  queryInstruction: string;
  dynamicQuantization: boolean;
  tokenizerJson: object;
  /** tokenizer_config.json when the directory has one (sentence-transformers folders do). */
  tokenizerConfig: object;
}

const required = ["model.onnx", "tokenizer.json", "docstack-model.json"];
const howToFetch =
  "`bash infra/models/fetch-minilm.sh` or `bash infra/models/fetch-bge-small.sh` provisions a model directory";

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, "utf8"));
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
  for (const file of required) if (!(await isFile(join(abs, file)))) missing.push(file);
  if (missing.length > 0) throw invalid(`${abs} has no ${missing.join(", ")}`);

  const parsed = descriptorSchema.safeParse(await readJson(join(abs, "docstack-model.json")));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".") || "(root)").join(", ");
    throw invalid(`${abs}/docstack-model.json lacks or mistypes ${fields}; run its fetch script again`);
  }
  const d = parsed.data;
  const configPath = join(abs, "tokenizer_config.json");
  return {
    dir: abs,
    modelPath: join(abs, "model.onnx"),
    name: d.name,
    dimension: d.dimension,
    maxTokens: d.max_tokens,
    pooling: d.pooling,
    queryInstruction: d.query_instruction,
    dynamicQuantization: d.dynamic_quantization,
    tokenizerJson: (await readJson(join(abs, "tokenizer.json"))) as object,
    tokenizerConfig: (await isFile(configPath)) ? ((await readJson(configPath)) as object) : {},
  };
}
