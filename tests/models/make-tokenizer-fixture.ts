import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { minilmTokenCases } from "../../shared/embeddings/fixtures/minilm-token-cases.js";

/**
 * Cuts shared/embeddings/fixtures/minilm-tokenizer.subset.json from the provisioned
 * tokenizer.json: the same normaliser, pre-tokeniser and template, and only the vocabulary
 * entries the cases use (ids unchanged) plus the special tokens. WordPiece's greedy
 * longest-match over a subset that holds every piece the full vocabulary chose picks the same
 * pieces, so the unit suite checks real ids without the 466 kB file.
 *   npx tsx tests/models/make-tokenizer-fixture.ts [model-dir] && npx biome format --write shared/embeddings/fixtures
 */
const dir = process.argv[2] ?? ".models/all-minilm-l6-v2";
const full = JSON.parse(readFileSync(join(dir, "tokenizer.json"), "utf8"));
const config = JSON.parse(readFileSync(join(dir, "tokenizer_config.json"), "utf8"));
const tokenizer = new Tokenizer(full, config);
const keep = new Set(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]);
for (const c of minilmTokenCases) for (const t of tokenizer.tokenize(c.text)) keep.add(t);
const vocab: Record<string, number> = {};
for (const [token, id] of Object.entries(full.model.vocab as Record<string, number>)) {
  if (keep.has(token)) vocab[token] = id;
}
const subset = { ...full, model: { ...full.model, vocab } };
writeFileSync(
  "shared/embeddings/fixtures/minilm-tokenizer.subset.json",
  `${JSON.stringify(subset, null, 2)}\n`,
);
writeFileSync(
  "shared/embeddings/fixtures/minilm-tokenizer-config.json",
  `${JSON.stringify(config, null, 2)}\n`,
);
console.log(
  `kept ${Object.keys(vocab).length} of ${Object.keys(full.model.vocab).length} vocabulary entries`,
);
