import type { Embedder, EmbedPurpose } from "./embedder.js";

/**
 * The built-in embedder: **lexical, not semantic**. It hashes word unigrams and bigrams into a
 * fixed-size signed vector (feature hashing) with log term frequency, then L2-normalises.
 * Cosine similarity between two such vectors measures shared vocabulary, so "vector" search
 * with it behaves like a bag-of-words match: it needs no download and is deterministic, which
 * is why it is the offline default, but it does not know synonyms. Configure EMBEDDER=openai
 * (any OpenAI-compatible server) for semantic retrieval.
 */
export const lexicalModel = "docstack-lexical-hash-v1";

const stopwords = new Set(
  "a an and are as at be but by for from has have in is it its of on or that the this to was were will with not no".split(
    " ",
  ),
);

export function tokenize(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .filter((t) => !stopwords.has(t))
    .map(stem);
}

/** A light suffix stripper: enough that "proteins"/"protein" and "binding"/"bind" meet. */
function stem(token: string): string {
  if (token.length <= 4) return token;
  for (const suffix of ["ations", "ation", "ings", "ing", "ies", "ed", "es", "s"]) {
    if (token.endsWith(suffix) && token.length - suffix.length >= 3) {
      return suffix === "ies" ? `${token.slice(0, -3)}y` : token.slice(0, -suffix.length);
    }
  }
  return token;
}

/** FNV-1a, 32 bit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class LexicalEmbedder implements Embedder {
  readonly kind = "builtin";
  readonly model = lexicalModel;
  constructor(readonly dimension = 512) {}

  embedOne(text: string): number[] {
    const counts = new Map<string, number>();
    const tokens = tokenize(text);
    tokens.forEach((t, i) => {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      const next = tokens[i + 1];
      if (next !== undefined) counts.set(`${t} ${next}`, (counts.get(`${t} ${next}`) ?? 0) + 0.5);
    });
    const v = new Array<number>(this.dimension).fill(0);
    for (const [feature, count] of counts) {
      const h = hash(feature);
      const sign = h & 0x80000000 ? -1 : 1;
      const slot = h % this.dimension;
      v[slot] = (v[slot] ?? 0) + sign * (1 + Math.log(count));
    }
    const norm = Math.hypot(...v);
    return norm === 0 ? v : v.map((x) => x / norm);
  }

  /** Queries and documents alike: a bag of words has no instruction to add. */
  async embed(texts: readonly string[], _purpose: EmbedPurpose): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }

  async ping(): Promise<void> {}
}
