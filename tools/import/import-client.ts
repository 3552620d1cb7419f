import { type components, createDocstackClient, uploadBody } from "@docstack/client";

type Document = components["schemas"]["Document"];

export type UploadAnswer =
  | { kind: "uploaded"; documentId: string }
  | { kind: "duplicate"; documentId: string }
  | { kind: "refused"; reason: string }
  | { kind: "failed"; reason: string };

export interface IndexStatusAnswer {
  counts: { pending: number; indexing: number; indexed: number; failed: number };
  progress: { done: number; total: number; indexed_per_minute: number | null; eta_seconds: number | null };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Server trouble worth another try: it may be restarting, or a proxy timed out. */
const transient = (status: number) => status === 408 || status === 502 || status === 503 || status === 504;

/** A refusal grouped by what it says: the problem's code and its detail. */
function reasonOf(status: number, problem: unknown): string {
  const p = problem as { code?: string; detail?: string } | undefined;
  return p?.code ? `${status} ${p.code}: ${p.detail ?? ""}`.trim() : `HTTP ${status}`;
}

/**
 * Waits out 429s (the Retry-After Docstack or Nginx sends, 1 s without one) for as long as they
 * come, since a bulk import is expected to meet the upload limit; retries transient 5xx answers
 * and network errors 4 times with doubling waits. `onWait` reports throttling to the display.
 */
async function withRetries(
  send: () => Promise<Response>,
  onWait: (seconds: number) => void,
): Promise<Response | Error> {
  for (let failures = 0; ; ) {
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      if (++failures > 4) return error as Error;
      await sleep(500 * 2 ** failures);
      continue;
    }
    if (response.status === 429) {
      const asked = Number(response.headers.get("retry-after"));
      const seconds = Number.isFinite(asked) && asked > 0 ? asked : 1;
      await discard(response);
      onWait(seconds);
      await sleep(seconds * 1000);
      continue;
    }
    if (transient(response.status) && ++failures <= 4) {
      await discard(response);
      await sleep(500 * 2 ** failures);
      continue;
    }
    return response;
  }
}

/** Frees an answer's connection; the generated client has usually read an error's body already. */
async function discard(response: Response): Promise<void> {
  if (response.body === null || response.bodyUsed || response.body.locked) return;
  await response.body.cancel();
}

/** The public API calls an import makes, through the generated client. */
export class ImportClient {
  private readonly api: ReturnType<typeof createDocstackClient>;

  constructor(
    baseUrl: string,
    key: string | undefined,
    private readonly onWait: (seconds: number) => void = () => {},
  ) {
    this.api = createDocstackClient(baseUrl, key ? { headers: { authorization: `Bearer ${key}` } } : {});
  }

  private async call<T>(
    what: string,
    send: () => Promise<{ data?: T; error?: unknown; response: Response }>,
  ) {
    let result: { data?: T; error?: unknown; response: Response } | undefined;
    const response = await withRetries(async () => {
      result = await send();
      return result.response;
    }, this.onWait);
    if (response instanceof Error) throw new Error(`${what}: ${response.message}`);
    if (result?.data === undefined) throw new Error(`${what}: ${reasonOf(response.status, result?.error)}`);
    return result.data;
  }

  async collectionName(collectionId: string): Promise<string> {
    const data = await this.call("reading the collection", () =>
      this.api.GET("/collections/{id}", { params: { path: { id: collectionId } } }),
    );
    return data.name;
  }

  /** The SHA-256 of every document in the collection, so files already there are not sent. */
  async collectionHashes(collectionId: string): Promise<Set<string>> {
    const hashes = new Set<string>();
    for (let offset = 0; ; offset += 100) {
      const page = await this.call("listing the collection's documents", () =>
        this.api.GET("/documents", {
          params: { query: { collection_id: collectionId, limit: 100, offset } },
        }),
      );
      for (const d of page.items) hashes.add(d.sha256);
      if (page.items.length < 100) return hashes;
    }
  }

  async upload(collectionId: string, name: string, blob: Blob): Promise<UploadAnswer> {
    let answer:
      | { data?: { document: Document; outcome: string }; error?: unknown; response: Response }
      | undefined;
    const response = await withRetries(async () => {
      answer = await this.api.POST(
        "/documents",
        uploadBody({ file: blob, filename: name, collection_id: collectionId, on_duplicate: "skip" }),
      );
      return answer.response;
    }, this.onWait);
    if (response instanceof Error) return { kind: "failed", reason: `network: ${response.message}` };
    const data = answer?.data;
    if (data !== undefined) {
      return data.outcome === "duplicate"
        ? { kind: "duplicate", documentId: data.document.id }
        : { kind: "uploaded", documentId: data.document.id };
    }
    const reason = reasonOf(response.status, answer?.error);
    return response.status >= 500 ? { kind: "failed", reason } : { kind: "refused", reason };
  }

  async indexStatus(collectionId: string): Promise<IndexStatusAnswer> {
    return this.call("reading the index status", () =>
      this.api.GET("/index/status", { params: { query: { collection_id: collectionId } } }),
    );
  }

  /** The collection's documents whose indexing failed, with why. */
  async failedDocuments(collectionId: string): Promise<{ id: string; filename: string; error: string }[]> {
    const failed: { id: string; filename: string; error: string }[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await this.call("listing failed documents", () =>
        this.api.GET("/documents", {
          params: { query: { collection_id: collectionId, index_status: "failed", limit: 100, offset } },
        }),
      );
      for (const d of page.items) failed.push({ id: d.id, filename: d.filename, error: d.index_error ?? "" });
      if (page.items.length < 100) return failed;
    }
  }
}
