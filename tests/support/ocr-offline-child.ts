// Run by tests/embedded/ocr-offline.test.ts in a network namespace of its own: OCRs a TIFF through
// the extraction pool and reports the text, the network interfaces it had, and the files it left.
import { readdirSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { parseConfig } from "../../shared/config.js";
import { extractionLimits } from "../../shared/extract/sandbox/extraction-limits.js";
import { workerPoolExtractor } from "../../shared/extract/sandbox/worker-pool-extractor.js";
import { publicFixture } from "./public-fixtures.js";

const pool = await workerPoolExtractor(extractionLimits(parseConfig({})), { threads: 1 });
try {
  const extracted = await pool.extract("tiff", publicFixture("tesseract-phototest.tif"), {
    ocrLanguages: ["eng", "fra"],
  });
  const interfaces = Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
    (addresses ?? []).filter((a) => !a.internal).map((a) => `${name} ${a.address}`),
  );
  console.log(
    JSON.stringify({
      text: extracted.blocks.map((b) => b.text).join("\n"),
      interfaces,
      files: readdirSync("."),
    }),
  );
} finally {
  await pool.close();
}
