// Hostile PDFs made by pdf-lib at test time (never hand-typed bytes). Test support only.
import { constants, crc32, createDeflate, createDeflateRaw } from "node:zlib";
import {
  PDFArray,
  type PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFPageLeaf,
  PDFRawStream,
  type PDFRef,
  StandardFonts,
} from "pdf-lib";

/** What deflatedRun made: the compressed bytes, and the size and CRC-32 of what they inflate to. */
export interface Deflated {
  data: Uint8Array;
  size: number;
  crc32: number;
}

/**
 * Deflates `bytes` of `block` repeated, streaming, so the builder itself stays small; `raw` leaves
 * out the zlib header and checksum, as ZIP entries have it (PDF's FlateDecode wants them).
 */
export async function deflatedRun(
  bytes: number,
  block: Uint8Array,
  { raw = false, head = new Uint8Array(), tail = new Uint8Array() } = {},
): Promise<Deflated> {
  const options = { level: constants.Z_BEST_COMPRESSION };
  const deflate = raw ? createDeflateRaw(options) : createDeflate(options);
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let size = 0;
  let crc = 0;
  const write = async (part: Uint8Array) => {
    crc = crc32(part, crc);
    size += part.length;
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once("drain", resolve));
  };
  await write(head);
  while (size < bytes) await write(block);
  await write(tail);
  deflate.end();
  await done;
  return { data: new Uint8Array(Buffer.concat(out)), size, crc32: crc };
}

/** One page whose content stream (FlateDecode) inflates to `inflatedBytes` of whitespace. */
export async function pdfStreamBomb(inflatedBytes: number): Promise<Uint8Array> {
  const { data: compressed } = await deflatedRun(inflatedBytes, new Uint8Array(2 ** 20).fill(0x20));
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([400, 300]);
  const dict = pdf.context.obj({ Length: compressed.length, Filter: "FlateDecode" }) as PDFDict;
  page.node.set(PDFName.of("Contents"), pdf.context.register(PDFRawStream.of(dict, compressed)));
  return pdf.save();
}

/**
 * `pages` empty pages, all children of the root page tree node (addPage walks the tree on every
 * call, 20 s for 20,000 pages; a flat tree is as valid and takes a second).
 */
export async function pdfOfEmptyPages(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const tree = pdf.catalog.Pages();
  const treeRef = pdf.catalog.get(PDFName.of("Pages")) as PDFRef;
  for (let i = 0; i < pages; i++) {
    const leaf = PDFPageLeaf.withContextAndParent(pdf.context, treeRef);
    leaf.set(PDFName.of("MediaBox"), pdf.context.obj([0, 0, 400, 300]));
    tree.Kids().push(pdf.context.register(leaf));
  }
  tree.set(PDFName.of("Count"), PDFNumber.of(pages));
  return pdf.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}

/** Pages of text whose page tree's first Kids entry points back at the tree's root. */
export async function pdfWithCircularPageTree(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of ["A page before the loop.", "A page after the loop."]) {
    pdf.addPage([400, 300]).drawText(text, { x: 40, y: 240, size: 14, font });
  }
  const root = pdf.catalog.get(PDFName.of("Pages"));
  const kids = pdf.catalog.Pages().get(PDFName.of("Kids"));
  if (!(kids instanceof PDFArray) || root === undefined) throw new Error("pdf-lib made no page tree");
  kids.insert(1, root);
  return pdf.save();
}
