// Builders for ZIP-based test files (DOCX, XLSX, PPTX): a real file with some parts replaced, written
// by zip.js, and the one patch a zip bomb makes to lie about its size. Test support only.
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from "@zip.js/zip.js";
import type { Deflated } from "./pdf-builders.js";

/** A part's content, or, already deflated (raw), its compressed bytes with their size and CRC-32. */
export type Part = Uint8Array | ReadableStream<Uint8Array> | Deflated;

/**
 * `base` with the parts in `replace` swapped in (or added). Sizes go in the headers, not in data
 * descriptors, so declaredSize can patch them the way a forged archive would.
 */
export async function rezip(base: Uint8Array, replace: Record<string, Part>, level = 6): Promise<Uint8Array> {
  const reader = new ZipReader(new Uint8ArrayReader(base));
  const writer = new ZipWriter(new Uint8ArrayWriter(), { dataDescriptor: false, zip64: false, level });
  const pending = new Map(Object.entries(replace));
  for (const entry of await reader.getEntries()) {
    if (entry.directory) continue;
    const part = pending.get(entry.filename);
    pending.delete(entry.filename);
    await add(writer, entry.filename, part ?? (await entry.getData(new Uint8ArrayWriter())));
  }
  for (const [name, part] of pending) await add(writer, name, part);
  return writer.close();
}

async function add(writer: ZipWriter<Uint8Array>, name: string, part: Part): Promise<void> {
  if (part instanceof Uint8Array) await writer.add(name, new Uint8ArrayReader(part));
  else if (part instanceof ReadableStream) await writer.add(name, part);
  else {
    await writer.add(name, new Uint8ArrayReader(part.data), {
      passThrough: true,
      compressionMethod: 8,
      uncompressedSize: part.size,
      crc32: part.crc32,
    });
  }
}

/**
 * The archive with the uncompressed size of `name` rewritten in its local header and central
 * directory record, as a zip bomb that lies about its size would have it.
 */
export function declaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  let eocd = out.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("no end of central directory record");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (decoder.decode(out.subarray(at + 46, at + 46 + nameLength)) === name) {
      view.setUint32(at + 24, size, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
      return out;
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`no entry ${name}`);
}
