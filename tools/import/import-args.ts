import { parseArgs } from "node:util";

export interface ImportOptions {
  /** A folder, or s3://bucket/prefix. */
  source: string;
  collectionId: string;
  url: string;
  key: string | undefined;
  concurrency: number;
  wait: boolean;
  stateFile: string;
}

export const importUsage = `usage: npm run import -- <dir | s3://bucket/prefix> --collection <id> [options]
  --url URL          Docstack's base URL (default http://127.0.0.1:8080, npm start's)
  --key KEY          an API key with the write scope on the collection
  --concurrency N    uploads in flight at once (default 4, at most 64)
  --wait             then wait until the collection's documents are indexed or failed
  --state-file F     where finished files are recorded, so a second run skips them
                     (default .docstack-import-<collection>.jsonl in the current folder)`;

export class UsageError extends Error {}

export function parseImportArgs(argv: readonly string[]): ImportOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      collection: { type: "string" },
      url: { type: "string", default: "http://127.0.0.1:8080" },
      key: { type: "string" },
      concurrency: { type: "string", default: "4" },
      wait: { type: "boolean", default: false },
      "state-file": { type: "string" },
    },
  });
  const [source, ...extra] = positionals;
  if (source === undefined || extra.length > 0)
    throw new UsageError("give exactly one folder or s3:// prefix");
  const collectionId = values.collection;
  if (collectionId === undefined || !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(collectionId))
    throw new UsageError("--collection takes a collection id (a UUID)");
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError("--concurrency takes a whole number from 1 to 64");
  if (!URL.canParse(values.url) || !/^https?:$/.test(new URL(values.url).protocol))
    throw new UsageError("--url takes an http(s) URL");
  if (source.startsWith("s3://") && !/^s3:\/\/[^/]+/.test(source))
    throw new UsageError("an S3 source is s3://bucket or s3://bucket/prefix");
  return {
    source,
    collectionId,
    url: values.url.replace(/\/+$/, ""),
    key: values.key,
    concurrency,
    wait: values.wait,
    stateFile: values["state-file"] ?? `.docstack-import-${collectionId}.jsonl`,
  };
}
