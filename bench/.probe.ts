import { chunkDocument } from "../shared/chunking/chunk-blocks.js";
import { adaptiveChunkSettings } from "../shared/chunking/chunk-settings.js";
import { LexicalEmbedder } from "../shared/embeddings/lexical-embedder.js";
import { extractDocument } from "../shared/extract/extract-document.js";
import { chunkSearchTexts } from "../shared/retrieval/search-text.js";

async function main() {
  const lines = ["id,region,programme,recipient,amount_usd,fiscal_year,notes"];
  let x = 12345;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x;
  };
  for (let i = 0; i < 30000; i++)
    lines.push(
      `${i},Region ${next() % 50},Programme ${next() % 300},"Recipient ${next() % 9000}, Inc.",${(next() % 10_000_000) / 100},${2000 + (next() % 25)},grant line ${next() % 1000}`,
    );
  const bytes = new TextEncoder().encode(lines.join("\r\n"));
  let t = performance.now();
  const ex = await extractDocument("csv" as any, bytes);
  console.log("extract", (performance.now() - t).toFixed(0));
  t = performance.now();
  const { text, chunks } = chunkDocument(ex, (len) => adaptiveChunkSettings("csv" as any, len));
  console.log("chunk", (performance.now() - t).toFixed(0), chunks.length);
  t = performance.now();
  const st = await chunkSearchTexts(chunks.map((c) => c.text));
  console.log("searchTexts", (performance.now() - t).toFixed(0));
  t = performance.now();
  const e = new LexicalEmbedder();
  for (let i = 0; i < chunks.length; i += 64) await e.embed(chunks.slice(i, i + 64).map((c) => c.text));
  console.log(
    "embed total",
    (performance.now() - t).toFixed(0),
    "per batch",
    ((performance.now() - t) / (chunks.length / 64)).toFixed(1),
  );
  t = performance.now();
  JSON.stringify(chunks.map((c, i) => ({ ...c, search_text: st[i] })));
  console.log("stringify", (performance.now() - t).toFixed(0));
}
main();
