import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
let python: string | undefined;

/** The pinned virtualenv of infra/ci/office-tools.sh, installed on first use. */
function officePython(): string {
  python ??= execFileSync("bash", [join(root, "infra/ci/office-tools.sh")], { encoding: "utf8" }).trim();
  return python;
}

/**
 * A file made by a real tool at test time: `script` is Python run in the office-tools
 * virtualenv (openpyxl, python-pptx, odfpy, msoffcrypto-tool) with `OUT` set to the path it must
 * write and `IN` to a file holding `input`, if given.
 */
export function makeWithPython(script: string, input?: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "docstack-office-"));
  try {
    const out = join(dir, "out");
    const inFile = join(dir, "in");
    if (input !== undefined) writeFileSync(inFile, input);
    execFileSync(officePython(), ["-c", script], {
      env: { ...process.env, OUT: out, IN: inFile },
      stdio: "pipe",
    });
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `file` encrypted with a password by msoffcrypto-tool, as Office saves a protected .docx/.xlsx/.pptx. */
export function encryptOffice(file: Uint8Array, password = "secret"): Uint8Array {
  return makeWithPython(
    `import os, msoffcrypto
with open(os.environ["IN"], "rb") as i, open(os.environ["OUT"], "wb") as o:
    f = msoffcrypto.OfficeFile(i)
    f.encrypt(${JSON.stringify(password)}, o)`,
    file,
  );
}
