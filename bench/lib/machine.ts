import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus, homedir, hostname, loadavg, release, totalmem, type } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../infra/local/stack.js";

export interface Machine {
  hostname: string;
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the benchmark started and ended: a shared machine shows here. */
  loadBefore: number;
  loadAfter: number;
  packages: Record<string, string>;
  servers: Record<string, string>;
}

/** The libraries whose versions move the figures. */
const packageNames = [
  "hono",
  "@hono/node-server",
  "postgres",
  "chromadb",
  "ioredis",
  "minio",
  "unpdf",
  "mammoth",
  "node-html-parser",
  "tsx",
  "wrangler",
];

function packageVersion(name: string): string {
  try {
    const file = join(repoRoot, "node_modules", name, "package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "missing";
  }
}

/** First line `command args` prints (stdout, else stderr: nginx -v), or "unknown". */
function firstLine(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.error) return "unknown";
  const line = `${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n")[0]?.trim();
  return line || "unknown";
}

function postgresVersion(): string {
  const root = "/usr/lib/postgresql";
  const newest = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  return newest ? firstLine(join(root, newest, "bin/postgres"), ["--version"]) : "unknown";
}

function chromaVersion(): string {
  try {
    const scripts = execFileSync(
      "python3",
      ["-c", "import sysconfig; print(sysconfig.get_path('scripts'))"],
      {
        encoding: "utf8",
      },
    ).trim();
    return firstLine(join(scripts, "chroma"), ["--version"]);
  } catch {
    return "unknown";
  }
}

/** Versions of the local stack's servers (what `npm run provision` installed). */
function serverVersions(): Record<string, string> {
  const minio = join(process.env.GOBIN ?? join(homedir(), "go/bin"), "minio");
  return {
    postgresql: postgresVersion().replace(/^postgres \(PostgreSQL\) /, ""),
    pgbouncer: firstLine("pgbouncer", ["--version"]).replace(/^PgBouncer /, ""),
    redis: /v=([\d.]+)/.exec(firstLine("redis-server", ["--version"]))?.[1] ?? "unknown",
    nginx: firstLine("nginx", ["-v"]).replace(/^nginx version: nginx\//, ""),
    minio: firstLine(existsSync(minio) ? minio : "minio", ["--version"]).replace(/^minio version /, ""),
    chroma: chromaVersion().replace(/^chroma /, ""),
  };
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    hostname: hostname(),
    cpuModel: list[0]?.model.trim() ?? "unknown",
    cpuCount: list.length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
    node: process.versions.node,
    loadBefore: loadavg()[0] ?? 0,
    loadAfter: loadavg()[0] ?? 0,
    packages: Object.fromEntries(packageNames.map((n) => [n, packageVersion(n)])),
    servers: serverVersions(),
  };
}
