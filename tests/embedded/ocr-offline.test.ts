import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("OCR offline", () => {
  it("reads with no network at all, downloads and writes nothing", async () => {
    // A network namespace of its own (unshare, as root or in a user namespace): no interface but a
    // loopback that is down, so any download would fail. Proxies point at a closed port besides.
    const cwd = await mkdtemp(join(tmpdir(), "docstack-ocr-offline-"));
    try {
      const child = fileURLToPath(new URL("../support/ocr-offline-child.ts", import.meta.url));
      const { stdout } = await run(
        "unshare",
        ["--map-root-user", "--net", process.execPath, "--import", import.meta.resolve("tsx"), child],
        {
          cwd,
          env: {
            ...process.env,
            HTTP_PROXY: "http://127.0.0.1:9",
            HTTPS_PROXY: "http://127.0.0.1:9",
            NODE_USE_ENV_PROXY: "1",
          },
          timeout: 120_000,
        },
      );
      const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
        text: string;
        interfaces: string[];
        files: string[];
      };
      expect(report.interfaces).toEqual([]);
      expect(report.text).toContain("The quick brown dog jumped over the");
      // tesseract.js caches language data in the working directory unless told not to.
      expect(report.files).toEqual([]);
      expect(await readdir(cwd)).toEqual([]);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
