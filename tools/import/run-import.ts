import pLimit from "p-limit";
import type { ImportClient, UploadAnswer } from "./import-client.js";
import type { FileOutcome, ImportDisplay } from "./import-display.js";
import { type SourceFile, uploadName } from "./import-source.js";
import type { ImportState } from "./import-state.js";

export interface ImportReport {
  files: number;
  uploaded: number;
  duplicates: number;
  skipped: number;
  /** Refused by Docstack (4xx), keys grouped by the reason given. */
  refused: Map<string, string[]>;
  /** Not uploaded: the server or the network failed, or the file could not be read. */
  failed: Map<string, string[]>;
  /** With --wait: this run's uploads indexed, and those whose indexing failed by reason. */
  indexed?: number;
  indexFailed?: Map<string, string[]>;
  bytes: number;
  /** The upload phase's length (the wait for indexing excluded). */
  seconds: number;
  interrupted: boolean;
}

export interface ImportRun {
  collectionId: string;
  files: readonly SourceFile[];
  client: ImportClient;
  state: ImportState;
  display: ImportDisplay;
  concurrency: number;
  wait: boolean;
  /** Aborted by Ctrl-C: no new upload starts, those in flight finish and are recorded. */
  signal: AbortSignal;
  pollMs?: number;
}

const group = (map: Map<string, string[]>, reason: string, key: string) =>
  map.set(reason, [...(map.get(reason) ?? []), key]);

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Uploads every file not yet in the collection, `concurrency` at a time. A file is skipped
 * without being read when the state file has it unchanged, and without being sent when its
 * SHA-256 is already in the collection or in this run (a second copy waits for the first's
 * answer and shares it); the server's own duplicate answer covers a race with another client.
 */
export async function runImport(run: ImportRun): Promise<ImportReport> {
  const started = performance.now();
  const report: ImportReport = {
    files: run.files.length,
    uploaded: 0,
    duplicates: 0,
    skipped: 0,
    refused: new Map(),
    failed: new Map(),
    bytes: 0,
    seconds: 0,
    interrupted: false,
  };
  const inCollection = await run.client.collectionHashes(run.collectionId);
  const inThisRun = new Map<string, Promise<UploadAnswer>>();
  const ours = new Set<string>();

  const importFile = async (file: SourceFile): Promise<[FileOutcome, string?]> => {
    if (run.state.isDone(file)) return ["skipped"];
    let opened: { sha256: string; blob: Blob };
    try {
      opened = await file.open();
    } catch (error) {
      return ["failed", `unreadable: ${(error as Error).message}`];
    }
    const { sha256, blob } = opened;
    const record = (outcome: "uploaded" | "duplicate", documentId: string | null) =>
      run.state.record({
        key: file.key,
        size: file.size,
        version: file.version,
        sha256,
        outcome,
        document_id: documentId,
      });
    if (inCollection.has(sha256)) {
      await record("duplicate", null);
      return ["duplicate", "already in the collection"];
    }
    const first = inThisRun.get(sha256);
    if (first !== undefined) {
      const answer = await first;
      if (answer.kind === "refused" || answer.kind === "failed") return [answer.kind, answer.reason];
      await record("duplicate", answer.documentId);
      return ["duplicate", "same content as another file of this import"];
    }
    const answering = run.client.upload(run.collectionId, uploadName(file), blob);
    inThisRun.set(sha256, answering);
    const answer = await answering;
    if (answer.kind === "refused" || answer.kind === "failed") return [answer.kind, answer.reason];
    await record(answer.kind, answer.documentId);
    if (answer.kind === "uploaded") {
      ours.add(answer.documentId);
      report.bytes += file.size;
      return ["uploaded"];
    }
    return ["duplicate", "already in the collection"];
  };

  run.display.startUploads(run.files.length);
  const limit = pLimit(run.concurrency);
  await Promise.all(
    run.files.map((file) =>
      limit(async () => {
        if (run.signal.aborted) return;
        const [outcome, detail] = await importFile(file).catch((error: unknown): [FileOutcome, string] => [
          "failed",
          (error as Error).message,
        ]);
        if (outcome === "uploaded") report.uploaded++;
        else if (outcome === "duplicate") report.duplicates++;
        else if (outcome === "skipped") report.skipped++;
        else group(outcome === "refused" ? report.refused : report.failed, detail ?? outcome, file.key);
        run.display.fileDone(file.key, outcome, file.size, detail);
      }),
    ),
  );
  run.display.stopUploads();
  report.interrupted = run.signal.aborted;
  report.seconds = (performance.now() - started) / 1000;

  if (run.wait && !report.interrupted) {
    run.display.startIndexing(0);
    for (;;) {
      const status = await run.client.indexStatus(run.collectionId);
      run.display.indexing(status);
      if (status.counts.pending + status.counts.indexing === 0) break;
      await sleep(run.pollMs ?? 1000, run.signal);
      if (run.signal.aborted) break;
    }
    run.display.stopIndexing();
    report.interrupted = run.signal.aborted;
    if (!report.interrupted) {
      const failed = (await run.client.failedDocuments(run.collectionId)).filter((d) => ours.has(d.id));
      report.indexFailed = new Map();
      for (const d of failed) group(report.indexFailed, d.error, d.filename);
      report.indexed = ours.size - failed.length;
    }
  }
  return report;
}

/** 130 after Ctrl-C (the shell's convention), 1 when any file is not in the collection, else 0. */
export function exitCode(report: ImportReport): number {
  if (report.interrupted) return 130;
  const bad = report.refused.size + report.failed.size + (report.indexFailed?.size ?? 0);
  return bad > 0 ? 1 : 0;
}

/** The closing table: one count per outcome, refusals and failures grouped by reason. */
export function summaryTable(report: ImportReport): string {
  const count = (m: Map<string, string[]>) => [...m.values()].reduce((n, keys) => n + keys.length, 0);
  const rows: [string, string][] = [
    ["files", String(report.files)],
    ["uploaded", String(report.uploaded)],
    ["duplicates", String(report.duplicates)],
    ["skipped (state file)", String(report.skipped)],
    ["refused", String(count(report.refused))],
    ["failed", String(count(report.failed))],
  ];
  if (report.indexed !== undefined) rows.push(["indexed", String(report.indexed)]);
  if (report.indexFailed !== undefined) rows.push(["index failed", String(count(report.indexFailed))]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value.padStart(7)}`);
  const reasons = (title: string, m: Map<string, string[]>) => {
    for (const [reason, keys] of m) {
      lines.push(`  ${title} (${keys.length}): ${reason}`);
      for (const key of keys.slice(0, 10)) lines.push(`      ${key}`);
      if (keys.length > 10) lines.push(`      … and ${keys.length - 10} more`);
    }
  };
  reasons("refused", report.refused);
  reasons("failed", report.failed);
  if (report.indexFailed) reasons("index failed", report.indexFailed);
  const mb = report.bytes / 1024 / 1024;
  const seconds = Math.max(report.seconds, 0.001);
  lines.push(
    `  ${mb.toFixed(1)} MB uploaded in ${report.seconds.toFixed(1)} s (${(report.uploaded / seconds).toFixed(1)} files/s, ${(mb / seconds).toFixed(2)} MB/s)${report.interrupted ? "; interrupted" : ""}`,
  );
  return ["import summary", ...lines].join("\n");
}
