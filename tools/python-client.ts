import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The committed generated package; the hand-written files around it in clients/python are not touched. */
export const pythonClientDir = fileURLToPath(new URL("../clients/python/docstack_client", import.meta.url));
const generateScript = fileURLToPath(new URL("../infra/ci/python-client-generate.sh", import.meta.url));
/** The script's exit code for "the generator is not installed here, and this is not CI". */
const skipped = 3;

/** Every file under a directory, by its path relative to it, with its text. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    // Bytecode a local run of the package leaves behind is not part of it.
    if (!entry.isFile() || path.includes("__pycache__")) continue;
    files.set(relative(dir, path), readFileSync(path, "utf8"));
  }
  return files;
}

/**
 * The Python package openapi-python-client generates from this OpenAPI text (its files by relative
 * path), or "skipped" when the generator is not installed outside CI (the script says so on stderr).
 */
export function generatePythonClient(openapiYaml: string): Map<string, string> | "skipped" {
  const work = mkdtempSync(join(tmpdir(), "docstack-openapi-"));
  try {
    const spec = join(work, "openapi.yaml");
    writeFileSync(spec, openapiYaml);
    try {
      execFileSync("bash", [generateScript, spec, work], { stdio: ["ignore", "inherit", "inherit"] });
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === skipped) return "skipped";
      throw new Error(`python-client-generate.sh failed (exit ${status}): its output is above`);
    }
    return readTree(join(work, "docstack_client"));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The files of `generated` that differ from the committed package, or that one has and the other lacks. */
export function differingFiles(generated: Map<string, string>, committed: Map<string, string>): string[] {
  const paths = new Set([...generated.keys(), ...committed.keys()]);
  return [...paths].filter((p) => generated.get(p) !== committed.get(p)).sort();
}

/** Replaces the committed package with the generated one (files the generator no longer makes go). */
export function writePythonClient(generated: Map<string, string>): void {
  rmSync(pythonClientDir, { recursive: true, force: true });
  for (const [path, text] of generated) {
    const target = join(pythonClientDir, path);
    mkdirSync(join(target, ".."), { recursive: true });
    writeFileSync(target, text);
  }
}
