import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type BackupManifest, type DrillRecord, drillSchema, manifestSchema } from "./manifest.js";

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** Every complete, well-formed manifest under `dir`; a missing dir means no backups yet. */
export async function readManifests(dir: string): Promise<BackupManifest[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return [];
    throw error;
  }
  const manifests: BackupManifest[] = [];
  for (const entry of entries) {
    const parsed = manifestSchema.safeParse(await readJson(join(dir, entry, "manifest.json")));
    if (parsed.success) manifests.push(parsed.data);
  }
  return manifests;
}

/** The last recorded restore drill (`<dir>/drills/latest.json`), if any. */
export async function readLastDrill(dir: string): Promise<DrillRecord | undefined> {
  const parsed = drillSchema.safeParse(await readJson(join(dir, "drills", "latest.json")));
  return parsed.success ? parsed.data : undefined;
}
