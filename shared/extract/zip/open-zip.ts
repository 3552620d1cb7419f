import {
  configure,
  ERR_AMBIGUOUS_ARCHIVE,
  ERR_INVALID_UNCOMPRESSED_SIZE,
  type FileEntry,
  Uint8ArrayReader,
  ZipReader,
} from "@zip.js/zip.js";
import { ExtractionError } from "../extraction-error.js";
import type { ZipLimits } from "./zip-limits.js";

// Inflate in this thread: zip.js would otherwise start web workers of its own, outside our limits.
configure({ useWebWorkers: false });

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface ZipArchive {
  entries: ZipEntryInfo[];
  /** An entry's bytes; inflation stops at its declared size and at what is left of the total. */
  read(name: string): Promise<Uint8Array>;
  /**
   * An entry's bytes handed to `take` as they are inflated, within the same bounds as read(), so
   * a large part is parsed without being held whole; an error thrown by `take` stops inflation.
   */
  stream(name: string, take: (chunk: Uint8Array) => void): Promise<void>;
  /** Inflated so far by read(), counted against maxTotalBytes. */
  inflatedBytes(): number;
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString("en")} MiB`;

/**
 * Opens a ZIP from its central directory and refuses it, before inflating anything, when it is
 * ambiguous (data before or after the archive, local headers that disagree with the directory,
 * duplicate names: other readers could see other entries), encrypted, has too many entries, or
 * declares entries that would expand past the limits. Declared sizes can lie, so every read
 * also counts what actually comes out and stops at the bound.
 */
export async function openZip(bytes: Uint8Array, limits: ZipLimits): Promise<ZipArchive> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { strictness: "strict" });
  const found = new Map<string, FileEntry>();
  const infos: ZipEntryInfo[] = [];
  let declaredTotal = 0;
  try {
    for await (const entry of reader.getEntriesGenerator()) {
      if (found.size >= limits.maxEntries) {
        throw new ExtractionError(
          `the ZIP archive has more than ${limits.maxEntries.toLocaleString("en")} entries`,
        );
      }
      if (entry.encrypted)
        throw new ExtractionError("the file is password-protected (encrypted ZIP entries)");
      if (entry.directory) continue;
      checkRatio(entry, limits);
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) {
        throw new ExtractionError(
          `the ZIP archive would expand to more than ${mib(limits.maxTotalBytes)} (the limit); it declares ${mib(declaredTotal)} by entry ${quoteName(entry.filename)}`,
        );
      }
      found.set(entry.filename, entry);
      infos.push({
        name: entry.filename,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
      });
    }
  } catch (error) {
    throw asExtractionError(error);
  }

  let inflated = 0;
  const stream = async (name: string, take: (chunk: Uint8Array) => void): Promise<void> => {
    const entry = found.get(name);
    if (entry === undefined) throw new ExtractionError(`the ZIP archive has no entry ${quoteName(name)}`);
    const budget = Math.min(entry.uncompressedSize, limits.maxTotalBytes - inflated);
    await inflateAtMost(
      entry,
      budget,
      () =>
        entry.uncompressedSize > budget
          ? `the ZIP archive expands to more than ${mib(limits.maxTotalBytes)} (the limit)`
          : `ZIP entry ${quoteName(name)} inflates to more than the ${entry.uncompressedSize.toLocaleString("en")} bytes it declares (a damaged file or a zip bomb)`,
      (chunk) => {
        inflated += chunk.length;
        take(chunk);
      },
    );
  };
  return {
    entries: infos,
    inflatedBytes: () => inflated,
    stream,
    async read(name) {
      const chunks: Uint8Array[] = [];
      await stream(name, (chunk) => chunks.push(chunk));
      return concat(chunks);
    },
  };
}

/**
 * For readers that unzip the file themselves (mammoth reads DOCX with JSZip): proves, by
 * inflating every entry once and keeping nothing, that the archive stays within the limits.
 */
export async function checkZipExpansion(bytes: Uint8Array, limits: ZipLimits): Promise<void> {
  const archive = await openZip(bytes, limits);
  for (const entry of archive.entries) await archive.stream(entry.name, () => {});
}

function checkRatio(entry: FileEntry, limits: ZipLimits): void {
  if (entry.uncompressedSize <= limits.ratioFloorBytes) return;
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (ratio > limits.maxRatio) {
    throw new ExtractionError(
      `ZIP entry ${quoteName(entry.filename)} is compressed ${Math.round(ratio)}:1 (${mib(entry.uncompressedSize)} from ${mib(entry.compressedSize)}); more than ${limits.maxRatio}:1 is refused as a zip bomb`,
    );
  }
}

async function inflateAtMost(
  entry: FileEntry,
  budget: number,
  overBudget: () => string,
  take: (chunk: Uint8Array) => void,
): Promise<void> {
  let size = 0;
  const stop = new AbortController();
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      size += chunk.length;
      try {
        if (size > budget) throw new ExtractionError(overBudget());
        take(chunk);
      } catch (error) {
        stop.abort(error);
        throw error;
      }
    },
  });
  try {
    await entry.getData(sink, { signal: stop.signal });
  } catch (error) {
    // Our own stop: the bound passed, or the reader's error, as it was thrown.
    if (stop.signal.aborted) throw stop.signal.reason;
    // zip.js stops an entry at its declared size too, before our count sees the excess.
    if (error instanceof Error && error.message === ERR_INVALID_UNCOMPRESSED_SIZE) {
      throw new ExtractionError(overBudget(), { cause: error });
    }
    throw asExtractionError(error);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function asExtractionError(error: unknown): ExtractionError {
  if (error instanceof ExtractionError) return error;
  const detail =
    error instanceof Error && error.message === ERR_AMBIGUOUS_ARCHIVE
      ? "it could be read in more than one way (data around the archive, or entries that disagree)"
      : "it is damaged or not a ZIP archive";
  return new ExtractionError(`the ZIP archive cannot be read safely: ${detail}`, { cause: error });
}

// Entry names come from the file: keep them short and printable in messages.
function quoteName(name: string): string {
  const clean = name.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, "?");
  return JSON.stringify(clean.length > 80 ? `${clean.slice(0, 77)}...` : clean);
}
