import type { SearchMode } from "../../shared/retrieval/search.js";

/**
 * Each question once through `POST /query`, `clients` at a time, each client sending its next as
 * soon as one returns: every latency in milliseconds, and how many answers were not 200.
 */
export async function askQuestions(
  url: string,
  request: { collectionId: string; mode: SearchMode; topK: number },
  clients: number,
  questions: readonly string[],
): Promise<{ samples: number[]; errors: number; seconds: number }> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < questions.length) {
        const query = questions[next++] ?? "";
        const t = performance.now();
        const r = await fetch(`${url}/query`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            collection_id: request.collectionId,
            query,
            top_k: request.topK,
            mode: request.mode,
          }),
        });
        await r.arrayBuffer();
        samples.push(performance.now() - t);
        if (r.status !== 200) errors++;
      }
    }),
  );
  return { samples, errors, seconds: (performance.now() - started) / 1000 };
}
