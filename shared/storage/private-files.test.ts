import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensurePrivateDir, makeTreePrivate } from "./private-files.js";

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "docstack-private-"));
  made.push(dir);
  return dir;
}

const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);

describe("private files", () => {
  it("creates a missing directory, and its missing parents, owner-only", async () => {
    const parent = await scratch();
    expect(await ensurePrivateDir(join(parent, "a", "b"))).toEqual({});
    expect(await modeOf(join(parent, "a"))).toBe("700");
    expect(await modeOf(join(parent, "a", "b"))).toBe("700");
  });

  it("tightens an existing directory open to others, and says what it was", async () => {
    const dir = await scratch();
    await chmod(dir, 0o775);
    expect(await ensurePrivateDir(dir)).toEqual({ tightenedFrom: 0o775 });
    expect(await modeOf(dir)).toBe("700");
  });

  it("takes group and other bits off a whole tree, without following links", async () => {
    const dir = await scratch();
    const outside = await scratch();
    await chmod(outside, 0o755);
    await mkdir(join(dir, "base", "5"), { recursive: true, mode: 0o755 });
    await writeFile(join(dir, "base", "5", "1259"), "x");
    await chmod(join(dir, "base", "5", "1259"), 0o666);
    await writeFile(join(dir, "pg_internal.init"), "x");
    await chmod(join(dir, "pg_internal.init"), 0o644);
    await symlink(outside, join(dir, "link"));
    expect(await makeTreePrivate(dir)).toBe(4);
    expect(await modeOf(join(dir, "base"))).toBe("700");
    expect(await modeOf(join(dir, "base", "5"))).toBe("700");
    expect(await modeOf(join(dir, "base", "5", "1259"))).toBe("600");
    expect(await modeOf(join(dir, "pg_internal.init"))).toBe("600");
    expect(await modeOf(outside)).toBe("755");
    expect(await makeTreePrivate(dir)).toBe(0);
  });
});
