// Hostile PDFs made by pdf-lib at test time (never hand-typed bytes). Test support only.
import { constants, createDeflate } from "node:zlib";
import { PDFArray, type PDFDict, PDFDocument, PDFName, PDFRawStream, StandardFonts } from "pdf-lib";

/** Deflates `bytes` of spaces streaming, 1 MiB at a time, so the builder itself stays small. */
async function deflatedSpaces(bytes: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  const block = Buffer.alloc(2 ** 20, " ");
  for (let sent = 0; sent < bytes; sent += block.length) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return new Uint8Array(Buffer.concat(out));
}

/** One page whose content stream (FlateDecode) inflates to `inflatedBytes` of whitespace. */
export async function pdfStreamBomb(inflatedBytes: number): Promise<Uint8Array> {
  const compressed = await deflatedSpaces(inflatedBytes);
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([400, 300]);
  const dict = pdf.context.obj({ Length: compressed.length, Filter: "FlateDecode" }) as PDFDict;
  page.node.set(PDFName.of("Contents"), pdf.context.register(PDFRawStream.of(dict, compressed)));
  return pdf.save();
}

/** `pages` empty pages. */
export async function pdfOfEmptyPages(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([400, 300]);
  return pdf.save({ objectsPerTick: 5000 });
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
