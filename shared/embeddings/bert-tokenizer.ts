import type { Tokenizer } from "@huggingface/tokenizers";
import { truncateEncoding } from "./token-batch.js";

/**
 * The model's own tokenizer (tokenizer.json: BERT normalisation, basic pre-tokenisation,
 * WordPiece, [CLS] … [SEP]) through @huggingface/tokenizers, a pure-JS port of the Rust library
 * sentence-transformers uses. That port ignores tokenizer.json's `truncation` and `padding`
 * blocks, so truncation to the model's max_seq_length is done here and padding by packBatch.
 */
export class BertTokenizer {
  readonly padId: number;

  /**
   * The library is imported here, when a model is loaded: a bundle hoists a static import of an
   * external package to its own start, and every function would load it for nothing.
   */
  static async create(
    tokenizerJson: object,
    tokenizerConfig: object,
    maxLength: number,
  ): Promise<BertTokenizer> {
    const { Tokenizer } = await import("@huggingface/tokenizers");
    return new BertTokenizer(new Tokenizer(tokenizerJson, tokenizerConfig), tokenizerConfig, maxLength);
  }

  private constructor(
    private readonly tokenizer: Tokenizer,
    tokenizerConfig: object,
    readonly maxLength: number,
  ) {
    const pad = (tokenizerConfig as { pad_token?: unknown }).pad_token;
    this.padId = this.tokenizer.token_to_id(typeof pad === "string" ? pad : "[PAD]") ?? 0;
  }

  /** Token ids with the special tokens, at most maxLength of them. */
  encode(text: string): number[] {
    return truncateEncoding(this.tokenizer.encode(text).ids, this.maxLength);
  }

  /** The word pieces, for tests and debugging. */
  tokens(text: string): string[] {
    return this.tokenizer.tokenize(text);
  }
}
