import cliProgress from "cli-progress";
import type { IndexStatusAnswer } from "./import-client.js";

export type FileOutcome = "uploaded" | "duplicate" | "skipped" | "refused" | "failed";

/** What an import shows while it runs: bars on a terminal, one line per event otherwise. */
export interface ImportDisplay {
  startUploads(files: number): void;
  fileDone(key: string, outcome: FileOutcome, bytes: number, detail?: string): void;
  note(text: string): void;
  stopUploads(): void;
  startIndexing(total: number): void;
  indexing(status: IndexStatusAnswer): void;
  stopIndexing(): void;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

function rates(started: number, files: number, bytes: number) {
  const seconds = Math.max(0.001, (performance.now() - started) / 1000);
  return { files_s: (files / seconds).toFixed(1), mb_s: (mb(bytes) / seconds).toFixed(2) };
}

function etaText(seconds: number | null): string {
  if (seconds === null) return "?";
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")}m`;
}

/** Progress bars (cli-progress) for a terminal: files/s, MB/s, ETA and failures as they go. */
export function barDisplay(stream: NodeJS.WriteStream): ImportDisplay {
  const bars = new cliProgress.MultiBar(
    { stream, hideCursor: true, clearOnComplete: false, etaBuffer: 50, fps: 5, barsize: 16 },
    cliProgress.Presets.shades_classic,
  );
  let upload: cliProgress.SingleBar | undefined;
  let index: cliProgress.SingleBar | undefined;
  let started = 0;
  let done = 0;
  let bytes = 0;
  let failures = 0;
  return {
    startUploads(files) {
      started = performance.now();
      upload = bars.create(
        files,
        0,
        { files_s: "0.0", mb_s: "0.00", failures: 0 },
        {
          format:
            "upload   {bar} {value}/{total} | {files_s} files/s | {mb_s} MB/s | ETA {eta_formatted} | {failures} failed",
        },
      );
    },
    fileDone(key, outcome, size, detail) {
      done++;
      if (outcome === "uploaded") bytes += size;
      if (outcome === "refused" || outcome === "failed") {
        failures++;
        bars.log(`${outcome} ${key}: ${detail ?? ""}\n`);
      }
      upload?.update(done, { ...rates(started, done, bytes), failures });
    },
    note(text) {
      bars.log(`${text}\n`);
    },
    stopUploads() {
      upload?.stop();
    },
    startIndexing(total) {
      index = bars.create(
        total,
        0,
        { rate: "?", eta: "?", failed: 0 },
        {
          format: "indexing {bar} {value}/{total} | {rate} docs/min | ETA {eta} | {failed} failed",
        },
      );
    },
    indexing(status) {
      index?.setTotal(status.progress.total);
      index?.update(status.progress.done, {
        rate: status.progress.indexed_per_minute ?? "?",
        eta: etaText(status.progress.eta_seconds),
        failed: status.counts.failed,
      });
    },
    stopIndexing() {
      index?.stop();
      bars.stop();
    },
  };
}

/** Plain lines for a log or a pipe: each file's outcome, and the index status as it changes. */
export function lineDisplay(write: (line: string) => void): ImportDisplay {
  let started = 0;
  let done = 0;
  let total = 0;
  let bytes = 0;
  let last = "";
  return {
    startUploads(files) {
      started = performance.now();
      total = files;
    },
    fileDone(key, outcome, size, detail) {
      done++;
      if (outcome === "uploaded") bytes += size;
      const { files_s, mb_s } = rates(started, done, bytes);
      write(
        `${outcome} ${key}${detail ? `: ${detail}` : ""} [${done}/${total}, ${files_s} files/s, ${mb_s} MB/s]`,
      );
    },
    note: write,
    stopUploads() {},
    startIndexing() {},
    indexing(status) {
      const p = status.progress;
      const line = `indexing ${p.done}/${p.total} documents, ${status.counts.failed} failed, ${p.indexed_per_minute ?? "?"}/min, ETA ${etaText(p.eta_seconds)}`;
      if (line !== last) write(line);
      last = line;
    },
    stopIndexing() {},
  };
}
