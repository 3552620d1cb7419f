import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { ClientOptions } from "openapi-fetch";
import { createDocstackClient, type DocstackClient } from "./index.js";
import type { components, operations } from "./schema.js";

type QueryBody = operations["queryCollection"]["requestBody"]["content"]["application/json"];
type QueryAnswer = operations["queryCollection"]["responses"][200]["content"]["application/json"];

/** What a passage's Document carries besides its text. */
export interface DocstackPassageMetadata {
  document_id: string;
  filename: string;
  content_type: string;
  chunk_index: number;
  location: components["schemas"]["ChunkLocation"];
  score: number;
  ranks: QueryAnswer["results"][number]["ranks"];
  /** Names the query for POST /query/{query_id}/feedback. */
  query_id: string;
}

export interface DocstackRetrieverInput extends BaseRetrieverInput {
  baseUrl: string;
  collectionId: string;
  /** Sent as a Bearer token; without one only a development server that never had a key answers. */
  apiKey?: string;
  topK?: number;
  mode?: QueryBody["mode"];
  filter?: QueryBody["filter"];
  /** Passed to the client (openapi-fetch): a custom fetch, headers. */
  clientOptions?: Omit<ClientOptions, "baseUrl">;
}

/** A query Docstack refused, with the problem's status, code and request id (RFC 9457). */
export class DocstackRetrieverError extends Error {
  constructor(
    readonly status: number,
    readonly problem: components["schemas"]["Problem"] | undefined,
  ) {
    super(
      problem
        ? `${status} ${problem.code}: ${problem.detail} (request ${problem.requestId})`
        : `Docstack answered ${status}`,
    );
    this.name = "DocstackRetrieverError";
  }
}

/**
 * Docstack's POST /query as a LangChain.js retriever over one collection: one Document per
 * passage, its text as pageContent and document_id, filename, content_type, chunk_index,
 * location, score, ranks and query_id as metadata. Needs `@langchain/core` 1.x (an optional peer
 * dependency of this package).
 *
 * ```ts
 * const retriever = new DocstackRetriever({ baseUrl, apiKey, collectionId, topK: 3 });
 * const documents = await retriever.invoke("When must planning objections be filed?");
 * ```
 */
export class DocstackRetriever extends BaseRetriever<DocstackPassageMetadata> {
  static override lc_name() {
    return "DocstackRetriever";
  }
  lc_namespace = ["docstack", "retrievers"];

  private readonly client: DocstackClient;
  readonly collectionId: string;
  readonly topK: number;
  readonly mode: QueryBody["mode"];
  readonly filter: QueryBody["filter"];

  constructor(fields: DocstackRetrieverInput) {
    super(fields);
    const headers = new Headers(fields.clientOptions?.headers as HeadersInit | undefined);
    if (fields.apiKey) headers.set("authorization", `Bearer ${fields.apiKey}`);
    this.client = createDocstackClient(fields.baseUrl, { ...fields.clientOptions, headers });
    this.collectionId = fields.collectionId;
    this.topK = fields.topK ?? 5;
    this.mode = fields.mode ?? "hybrid";
    this.filter = fields.filter;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<DocstackPassageMetadata>[]> {
    const body: QueryBody = { collection_id: this.collectionId, query, top_k: this.topK, mode: this.mode };
    if (this.filter) body.filter = this.filter;
    const { data, error, response } = await this.client.POST("/query", { body });
    if (!data) throw new DocstackRetrieverError(response.status, error);
    return data.results.map(
      (r) =>
        new Document<DocstackPassageMetadata>({
          pageContent: r.text,
          id: `${r.document_id}:${r.chunk_index}`,
          metadata: {
            document_id: r.document_id,
            filename: r.filename,
            content_type: r.content_type,
            chunk_index: r.chunk_index,
            location: r.location,
            score: r.score,
            ranks: r.ranks,
            query_id: data.query_id,
          },
        }),
    );
  }
}
