import type { StackState } from "../../infra/local/stack.js";
import { chunkText } from "../../shared/chunking/chunk-text.js";
import { createCollection, uploadDocument, waitIndexed } from "./api.js";
import type { TextGenerator } from "./corpus.js";
import { AddressPool, loopbackAddresses } from "./load.js";
import { log } from "./stack.js";

/** The query collection's chunking: smaller than the TXT default (1200) so 100k chunks load fast. */
const chunking = { txt: { size: 400, overlap: 0 } };

export interface LoadedCorpus {
  collectionId: string;
  chunks: number;
  documents: number;
  seconds: number;
}

/** TXT documents of ~400 KB until their chunks (as the collection will cut them) reach `target`. */
function queryCorpus(gen: TextGenerator, target: number): { name: string; text: string; chunks: number }[] {
  const docs: { name: string; text: string; chunks: number }[] = [];
  let total = 0;
  while (total < target) {
    const text = gen.paragraphs(400_000).join("\n\n");
    const chunks = chunkText(text, chunking.txt).length;
    docs.push({ name: `q-${docs.length}.txt`, text, chunks });
    total += chunks;
  }
  return docs;
}

/** A new collection of about `target` chunks, uploaded through Nginx and indexed by the stack. */
export async function loadQueryCorpus(
  state: StackState,
  key: string,
  gen: TextGenerator,
  target: number,
  deadline: number,
): Promise<LoadedCorpus> {
  const collectionId = await createCollection(state, key, `bench-query-${Date.now()}`, chunking);
  const docs = queryCorpus(gen, target);
  log(
    `loading ${docs.length} TXT documents (${docs.reduce((a, d) => a + d.chunks, 0)} chunks) through Nginx and the index path`,
  );
  const started = performance.now();
  const pool = new AddressPool(loopbackAddresses(docs.length, 30));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < docs.length) {
        const i = next++;
        const d = docs[i];
        if (d === undefined) break;
        const bytes = new TextEncoder().encode(d.text);
        await uploadDocument(
          pool,
          state,
          key,
          collectionId,
          { name: d.name, contentType: "text/plain", bytes },
          i,
        );
      }
    }),
  );
  pool.destroy();
  const status = await waitIndexed(state, key, collectionId, deadline, (s) =>
    log(`loading: ${s.counts.indexed}/${s.total} documents indexed, ${s.chunks} chunks`),
  );
  if (status.counts.failed > 0) throw new Error(`query corpus: ${status.counts.failed} documents failed`);
  const seconds = (performance.now() - started) / 1000;
  log(`loaded ${status.chunks} chunks in ${seconds.toFixed(0)} s`);
  return { collectionId, chunks: status.chunks, documents: docs.length, seconds };
}

/** Unique query texts (the answer cache never hits): two mid-frequency words and a counter. */
export function queryText(gen: TextGenerator, tag: string, i: number): string {
  return `${gen.queryWord()} ${gen.queryWord()} ${tag}n${i}`;
}
