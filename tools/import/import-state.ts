import { appendFile, readFile } from "node:fs/promises";
import type { SourceFile } from "./import-source.js";

/** One finished file: in the collection now, as a new document or as a duplicate of one. */
export interface StateEntry {
  key: string;
  size: number;
  version: string;
  sha256: string;
  outcome: "uploaded" | "duplicate";
  document_id: string | null;
}

/**
 * The resumable record of an import: one JSON line appended per finished file, so whatever was
 * written survives an interrupt or a crash (a torn last line is ignored). A file is skipped by a
 * later run when its key, size and version (mtime or ETag) are the same; refused and failed
 * files are not recorded, so they are tried again.
 */
export class ImportState {
  private constructor(
    private readonly path: string,
    private readonly done: Map<string, StateEntry>,
  ) {}

  static async open(path: string): Promise<ImportState> {
    const done = new Map<string, StateEntry>();
    let text = "";
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      try {
        const entry = JSON.parse(line) as StateEntry;
        done.set(entry.key, entry);
      } catch {
        // A line cut short by a crash: that file is simply imported again (dedup makes it safe).
      }
    }
    return new ImportState(path, done);
  }

  isDone(file: SourceFile): boolean {
    const entry = this.done.get(file.key);
    return entry !== undefined && entry.size === file.size && entry.version === file.version;
  }

  async record(entry: StateEntry): Promise<void> {
    this.done.set(entry.key, entry);
    await appendFile(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }
}
