import { loadConfigFromProcess } from "../shared/config.js";
import { importUsage, parseImportArgs, UsageError } from "../tools/import/import-args.js";
import { ImportClient } from "../tools/import/import-client.js";
import { barDisplay, lineDisplay } from "../tools/import/import-display.js";
import { type SourceFile, walkFolder, walkS3 } from "../tools/import/import-source.js";
import { ImportState } from "../tools/import/import-state.js";
import { exitCode, runImport, summaryTable } from "../tools/import/run-import.js";

/**
 * `npm run import -- <dir | s3://bucket/prefix> --collection <id> [--url] [--key] [--concurrency N]
 * [--wait] [--state-file F]`: uploads a folder or an S3 prefix through the public API, resumably
 * (docs/import.md). Exit code 0 when every file is in the collection, 1 otherwise, 2 on bad
 * arguments, 130 after Ctrl-C.
 */
let options: ReturnType<typeof parseImportArgs>;
try {
  options = parseImportArgs(process.argv.slice(2));
} catch (error) {
  if (
    !(error instanceof UsageError) &&
    (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") !== true
  )
    throw error;
  console.error(`${(error as Error).message}\n${importUsage}`);
  process.exit(2);
}

const display = process.stdout.isTTY ? barDisplay(process.stdout) : lineDisplay((line) => console.log(line));
const controller = new AbortController();
// The first Ctrl-C lets uploads in flight finish and be recorded; a second one ends at once.
process.once("SIGINT", () => {
  controller.abort();
  display.note("interrupted: finishing the uploads in flight (Ctrl-C again to stop now)");
});

try {
  const client = new ImportClient(options.url, options.key, (seconds) =>
    display.note(`rate limited: waiting ${seconds} s as Docstack asks`),
  );
  const name = await client.collectionName(options.collectionId);
  let files: SourceFile[];
  if (options.source.startsWith("s3://")) {
    const config = loadConfigFromProcess({ LOG_LEVEL: "warn" });
    files = await walkS3(options.source, {
      endpoint: config.S3_ENDPOINT ?? "",
      accessKey: config.S3_ACCESS_KEY ?? "",
      secretKey: config.S3_SECRET_KEY ?? "",
      region: config.S3_REGION,
    });
  } else {
    files = await walkFolder(options.source, [options.stateFile]);
  }
  const state = await ImportState.open(options.stateFile);
  console.log(
    `importing ${files.length} file(s) from ${options.source} into "${name}" (${options.collectionId})`,
  );
  const report = await runImport({
    collectionId: options.collectionId,
    files,
    client,
    state,
    display,
    concurrency: options.concurrency,
    wait: options.wait,
    signal: controller.signal,
  });
  console.log(summaryTable(report));
  console.log(`state: ${options.stateFile}`);
  process.exitCode = exitCode(report);
} catch (error) {
  console.error(`import FAILED: ${(error as Error).message}`);
  process.exitCode = 1;
}
