/**
 * The production topology as local processes, for machines without a Docker engine (these and
 * CI): PostgreSQL, PgBouncer, Redis, MinIO, Chroma, each function as its own Node process (two
 * replicas of query, a separate index worker) and Nginx in front, on free loopback ports, with
 * the same configuration files Compose uses. `npm run stack:up` / `stack:down`.
 *
 * State (ports, pids, command lines) goes to .stack/state.json; the stack tests read it, and can
 * stop and restart any service with the exact command that started it.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { createPostgresDatabase } from "../../shared/db/postgres-database.js";
import { buildDist, distDir } from "../../tools/build.js";
import { buildConsole } from "../../tools/build-console.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const stackDir = join(repoRoot, ".stack");
const statePath = join(stackDir, "state.json");
/**
 * PostgreSQL and PgBouncer run as the `postgres` user, which may not be able to enter the
 * checkout (a clone under /root, say): their files live in a fresh directory under the system
 * temp dir instead, recorded in the state and removed by `down`.
 */
const serviceUserDir =
  process.env.STACK_SERVICE_DIR ?? join(tmpdir(), `docstack-stack-${process.pid}-${Date.now()}`);

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Run as this user (PostgreSQL and PgBouncer refuse to run as root). */
  user?: string;
  log: string;
  ready: { http: string } | { tcp: number };
  pid?: number;
}

export interface StackState {
  nginx: string;
  /** The local Prometheus (scrapes every function each second). */
  prometheus: string;
  postgres: { url: string; port: number };
  pgbouncer: { url: string; port: number; poolSize: number };
  redis: { url: string; port: number };
  minio: { endpoint: string; accessKey: string; secretKey: string; bucket: string };
  chroma: { url: string; token: string };
  functions: Record<string, string[]>;
  /** The environment every function process runs with. */
  functionEnv: Record<string, string>;
  services: Record<string, ServiceSpec>;
  /** PostgreSQL's and PgBouncer's files (outside the checkout; see serviceUserDir). */
  serviceDir: string;
  /**
   * An admin API key made at start (the functions run in production mode, which refuses to
   * start without one); the stack tests and the contract test send it.
   */
  apiKey: string;
}

const credentials = {
  dbPassword: "docstack-local-password",
  minioUser: "docstack",
  minioPassword: "docstack-local-minio",
  chromaToken: "docstack-local-chroma-token",
};

function log(message: string): void {
  process.stdout.write(`[stack] ${message}\n`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function which(command: string, extra: string[] = []): string {
  for (const candidate of extra) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(`${command} is not installed: run infra/ci/provision.sh`);
  }
}

/**
 * Chroma's server from pip. Never `node_modules/.bin/chroma`: the npm package's own server
 * binary needs a newer glibc than these machines have, and npx puts it first on the PATH.
 */
export function chromaBin(): string {
  const scripts = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_path('scripts'))"], {
    encoding: "utf8",
  }).trim();
  const candidate = join(scripts, "chroma");
  if (!existsSync(candidate))
    throw new Error(`chroma is not installed for python3 (${candidate}): run infra/ci/provision.sh`);
  return candidate;
}

function postgresBin(name: string): string {
  const versions = existsSync("/usr/lib/postgresql")
    ? execFileSync("ls", ["/usr/lib/postgresql"], { encoding: "utf8" }).split("\n").filter(Boolean).sort()
    : [];
  const newest = versions.at(-1);
  return which(name, newest ? [`/usr/lib/postgresql/${newest}/bin/${name}`] : []);
}

const isRoot = process.getuid?.() === 0;

function asUser(user: string | undefined, command: string, args: string[]): [string, string[]] {
  return isRoot && user ? ["runuser", ["-u", user, "--", command, ...args]] : [command, args];
}

function run(
  user: string | undefined,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): void {
  const [cmd, argv] = asUser(user, command, args);
  execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
}

export function startService(spec: ServiceSpec): number {
  const out = openSync(spec.log, "a");
  const [cmd, argv] = asUser(spec.user, spec.command, spec.args);
  const child: ChildProcess = spawn(cmd, argv, {
    cwd: repoRoot,
    env: { ...process.env, ...spec.env },
    stdio: ["ignore", out, out],
    detached: true,
  });
  child.unref();
  if (child.pid === undefined) throw new Error(`${spec.name} did not start`);
  spec.pid = child.pid;
  return child.pid;
}

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Node's arguments for a function, the worker or a command as built by `npm run build`
 * (tools/build.ts), run as the images run them.
 */
export function builtEntry(name: string): string[] {
  return [join(distDir, `${name}.js`)];
}

/** Stops the service's whole process group (runuser starts children). */
export async function stopService(spec: ServiceSpec, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  const pid = spec.pid;
  if (!alive(pid) || pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    process.kill(pid, signal);
  }
  const deadline = Date.now() + 10_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {}
  }
}

async function tcpOpen(port: number): Promise<boolean> {
  const { connect } = await import("node:net");
  return new Promise((resolveOpen) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolveOpen(true);
    });
    socket.once("error", () => resolveOpen(false));
  });
}

function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export async function waitReady(spec: ServiceSpec, timeoutMs = 90_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    let ok = false;
    if ("http" in spec.ready) {
      try {
        const r = await fetch(spec.ready.http, { signal: AbortSignal.timeout(2000) });
        ok = r.ok;
      } catch {}
    } else {
      ok = await tcpOpen(spec.ready.tcp);
    }
    if (ok) return Date.now() - started;
    if (spec.pid !== undefined && !alive(spec.pid)) {
      throw new Error(`${spec.name} exited during startup. Log:\n${tail(spec.log)}`);
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${spec.name} not ready after ${timeoutMs} ms. Log:\n${tail(spec.log)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function readState(): StackState {
  if (!existsSync(statePath)) throw new Error("the local stack is not running: npm run stack:up");
  return JSON.parse(readFileSync(statePath, "utf8")) as StackState;
}

function writeState(state: StackState): void {
  writeFileSync(statePath, `${JSON.stringify(state, null, 2)}\n`);
}

export function saveService(spec: ServiceSpec): void {
  const state = readState();
  state.services[spec.name] = spec;
  writeState(state);
}

async function startPostgres(port: number): Promise<ServiceSpec> {
  const data = join(serviceUserDir, "postgres");
  const socketDir = join(serviceUserDir, "sockets");
  mkdirSync(data, { recursive: true });
  mkdirSync(socketDir, { recursive: true });
  const pwfile = join(serviceUserDir, "pgpass.txt");
  writeFileSync(pwfile, credentials.dbPassword);
  if (isRoot) execFileSync("chown", ["-R", "postgres:postgres", data, socketDir, pwfile]);
  run("postgres", postgresBin("initdb"), [
    "-D",
    data,
    "-U",
    "docstack",
    "--auth=scram-sha-256",
    `--pwfile=${pwfile}`,
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
  ]);
  // The Compose tuning, scaled down for a 2-core machine shared with the rest of the stack.
  const tuning = readFileSync(join(repoRoot, "infra/postgres/postgresql.conf"), "utf8")
    .replace(/^shared_buffers = .*$/m, "shared_buffers = 128MB")
    .replace(/^effective_cache_size = .*$/m, "effective_cache_size = 512MB");
  writeFileSync(
    join(data, "postgresql.auto.conf"),
    `${tuning}\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${socketDir}'\n`,
  );
  return {
    name: "postgres",
    command: postgresBin("postgres"),
    args: ["-D", data],
    env: {},
    user: "postgres",
    log: join(stackDir, "logs/postgres.log"),
    ready: { tcp: port },
  };
}

function pgbouncerSpec(pgPort: number, port: number, poolUser: string): ServiceSpec {
  const dir = join(serviceUserDir, "pgbouncer");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "userlist.txt"), `"docstack" "${credentials.dbPassword}"\n`);
  const ini = readFileSync(join(repoRoot, "infra/pgbouncer/pgbouncer.ini"), "utf8")
    .replace(/^docstack = .*$/m, `docstack = host=127.0.0.1 port=${pgPort} dbname=docstack`)
    .replace(/^listen_addr = .*$/m, "listen_addr = 127.0.0.1")
    .replace(/^listen_port = .*$/m, `listen_port = ${port}`)
    .replace(/^auth_file = .*$/m, `auth_file = ${join(dir, "userlist.txt")}`)
    .concat(`\nunix_socket_dir =\npidfile = ${join(dir, "pgbouncer.pid")}\n`);
  writeFileSync(join(dir, "pgbouncer.ini"), ini);
  if (isRoot) execFileSync("chown", ["-R", `${poolUser}:${poolUser}`, dir]);
  // max_client_conn 1000 needs ~1112 descriptors (PgBouncer logs its estimate at start), but
  // runuser starts it at the default soft limit of 1024: past ~1000 clients it could open no
  // more server connections ("Too many open files"). Raise the soft limit to the hard one.
  return {
    name: "pgbouncer",
    command: "sh",
    args: [
      "-c",
      'ulimit -n "$(ulimit -Hn)" && exec "$0" "$@"',
      which("pgbouncer", ["/usr/sbin/pgbouncer"]),
      join(dir, "pgbouncer.ini"),
    ],
    env: {},
    user: poolUser,
    log: join(stackDir, "logs/pgbouncer.log"),
    ready: { tcp: port },
  };
}

/**
 * Debian's Prometheus scraping every function process each second (the Compose config finds
 * replicas through DNS; here each port is listed), with the same alert rules.
 */
function prometheusSpec(port: number, functions: Record<string, number[]>): ServiceSpec {
  const dir = join(stackDir, "prometheus");
  mkdirSync(join(dir, "data"), { recursive: true });
  const targets = Object.entries(functions).map(
    ([fn, ports]) =>
      `      - targets: [${ports.map((p) => `"127.0.0.1:${p}"`).join(", ")}]\n        labels: { function_process: "${fn}" }`,
  );
  writeFileSync(
    join(dir, "prometheus.yml"),
    [
      "# written by infra/local/stack.ts",
      "global: { scrape_interval: 1s, evaluation_interval: 1s }",
      `rule_files: ["${join(repoRoot, "infra/prometheus/alerts.yml")}"]`,
      "scrape_configs:",
      "  - job_name: docstack",
      "    static_configs:",
      ...targets,
      "",
    ].join("\n"),
  );
  return {
    name: "prometheus",
    command: which("prometheus", ["/usr/bin/prometheus"]),
    args: [
      `--config.file=${join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    env: {},
    log: join(stackDir, "logs/prometheus.log"),
    ready: { http: `http://127.0.0.1:${port}/-/ready` },
  };
}

function nginxSpec(port: number, upstreams: Record<string, number[]>): ServiceSpec {
  const dir = join(stackDir, "nginx");
  mkdirSync(join(dir, "logs"), { recursive: true });
  writeFileSync(join(dir, "nginx.conf"), readFileSync(join(repoRoot, "infra/nginx/nginx.conf"), "utf8"));
  const names: Record<string, string> = {
    upload: "docstack_upload",
    index: "docstack_index",
    query: "docstack_query",
    "backup-status": "docstack_backup_status",
    health: "docstack_health",
    analytics: "docstack_analytics",
  };
  const lines = Object.entries(upstreams).map(
    ([fn, ports]) =>
      `upstream ${names[fn]} { least_conn; ${ports.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join(" ")} keepalive 16; keepalive_timeout 60s; }`,
  );
  writeFileSync(
    join(dir, "docstack-upstreams.conf"),
    `# written by infra/local/stack.ts\n${lines.join("\n")}\n`,
  );
  writeFileSync(join(dir, "docstack-listen.conf"), `listen 127.0.0.1:${port};\n`);
  // The reference page: swagger-ui-dist with infra/docs on top, and the merged contract.
  const docsRoot = join(dir, "docs-root");
  // createRequire, not import.meta.resolve: vitest's module runner (the stack suite's
  // globalSetup starts the stack) does not support import.meta.resolve.
  cpSync(
    dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json")),
    join(docsRoot, "docs"),
    { recursive: true },
  );
  cpSync(join(repoRoot, "infra/docs"), join(docsRoot, "docs"), { recursive: true });
  cpSync(join(repoRoot, "openapi.yaml"), join(docsRoot, "openapi.yaml"));
  writeFileSync(
    join(dir, "docstack-docs.conf"),
    renderTemplate(readFileSync(join(repoRoot, "infra/nginx/docs-locations.conf.template"), "utf8"), {
      DOCS_ROOT: docsRoot,
    }),
  );
  // The console as built into dist/console, copied so the stack serves what it started with.
  const consoleRoot = join(dir, "console-root");
  cpSync(join(distDir, "console"), consoleRoot, { recursive: true });
  writeFileSync(
    join(dir, "docstack-console.conf"),
    renderTemplate(readFileSync(join(repoRoot, "infra/nginx/console-locations.conf.template"), "utf8"), {
      CONSOLE_ROOT: consoleRoot,
    }),
  );
  return nginxProcess("nginx", dir, port);
}

/** An Nginx in the foreground on `dir/nginx.conf`, its pid file beside it. */
function nginxProcess(name: string, dir: string, port: number): ServiceSpec {
  return {
    name,
    command: which("nginx", ["/usr/sbin/nginx"]),
    args: ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", `daemon off; pid ${join(dir, "nginx.pid")};`],
    env: {},
    log: join(stackDir, `logs/${name}.log`),
    ready: { tcp: port },
  };
}

/** envsubst for the named variables only, as the nginx image renders templates in Compose. */
function renderTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** Chroma behind the token-checking gateway, rendered from the template Compose uses. */
function chromaGatewaySpec(port: number, chromaPort: number): ServiceSpec {
  const dir = join(stackDir, "chroma-gateway");
  mkdirSync(dir, { recursive: true });
  const server = renderTemplate(
    readFileSync(join(repoRoot, "infra/nginx/chroma-gateway.conf.template"), "utf8"),
    {
      CHROMA_GATEWAY_LISTEN: `127.0.0.1:${port}`,
      CHROMA_TOKEN: credentials.chromaToken,
      CHROMA_UPSTREAM: `127.0.0.1:${chromaPort}`,
    },
  );
  writeFileSync(
    join(dir, "nginx.conf"),
    `error_log stderr warn;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n${server}}\n`,
  );
  return nginxProcess("chroma-gateway", dir, port);
}

/** Settings the stack suite relies on: a small query limit keeps the burst test quick. */
export const stackTestEnv: Record<string, string> = {
  RATE_LIMIT_QUERY: "60",
  RATE_LIMIT_WINDOW_S: "60",
  // The fault tests wait for breakers to probe again: 5 s rather than 30.
  BREAKER_RECOVERY_S: "5",
  // Admission control stays in the path (its middleware, metrics and exemptions run) but never
  // refuses here: the suite's bursts (500 listings on one replica, 3N queries against a rate
  // limit) measure the pool and the limiter, and refusals would be admission's, correct but
  // beside the point. Admission is tested through the app factory (shared/admission) and
  // measured on this stack by `npm run bench -- overload`.
  ADMISSION_MIN_LIMIT: "1000",
  // The worker-crash test waits for a killed worker's claims to lapse: 15 s rather than 600.
  INDEX_LEASE_S: "15",
  // An extraction's time limits, OCR's too, stay below the lease (shared/config.ts refuses
  // otherwise). A one-page scan takes about 3 s to OCR here.
  EXTRACT_TIMEOUT_S: "10",
  OCR_TIMEOUT_S: "14",
};

export interface UpOptions {
  queryReplicas?: number;
  /** Extra environment for the function processes (tests set small rate limits, for example). */
  functionEnv?: Record<string, string>;
}

export async function up(options: UpOptions = {}): Promise<StackState> {
  const started: ServiceSpec[] = [];
  try {
    return await bringUp(options, started);
  } catch (error) {
    // Leave nothing running behind a failed start.
    for (const spec of started.reverse()) await stopService(spec).catch(() => {});
    rmSync(statePath, { force: true });
    rmSync(serviceUserDir, { recursive: true, force: true });
    throw error;
  }
}

async function bringUp(options: UpOptions, started: ServiceSpec[]): Promise<StackState> {
  const t0 = Date.now();
  if (existsSync(statePath)) await down();
  rmSync(stackDir, { recursive: true, force: true });
  mkdirSync(join(stackDir, "logs"), { recursive: true });
  mkdirSync(serviceUserDir, { recursive: true, mode: 0o755 });
  // The stack runs what production runs: the built bundles, rebuilt here so they are never stale.
  await buildDist({ quiet: true });
  // Vite sets NODE_ENV=production in the process that builds; the services started below inherit
  // this process's environment (migrate would then refuse the embedded defaults), so it is undone.
  const nodeEnv = process.env.NODE_ENV;
  await buildConsole({ quiet: true });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  log("built dist/ and dist/console (npm run build)");

  const ports = {
    postgres: await freePort(),
    pgbouncer: await freePort(),
    redis: await freePort(),
    minio: await freePort(),
    minioConsole: await freePort(),
    chroma: await freePort(),
    chromaGateway: await freePort(),
    nginx: await freePort(),
    prometheus: await freePort(),
  };
  const services: Record<string, ServiceSpec> = {};
  const launch = async (spec: ServiceSpec) => {
    services[spec.name] = spec;
    startService(spec);
    started.push(spec);
    const ms = await waitReady(spec);
    log(`${spec.name} ready in ${ms} ms`);
  };

  const postgres = await startPostgres(ports.postgres);
  const infra: ServiceSpec[] = [
    postgres,
    {
      name: "redis",
      command: which("redis-server", ["/usr/bin/redis-server"]),
      args: [
        "--port",
        String(ports.redis),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--daemonize",
        "no",
      ],
      env: {},
      log: join(stackDir, "logs/redis.log"),
      ready: { tcp: ports.redis },
    },
    {
      name: "minio",
      command: which("minio", [join(process.env.GOBIN ?? join(homedir(), "go/bin"), "minio")]),
      args: [
        "server",
        join(stackDir, "minio"),
        "--address",
        `127.0.0.1:${ports.minio}`,
        "--console-address",
        `127.0.0.1:${ports.minioConsole}`,
        "--quiet",
      ],
      env: {
        MINIO_ROOT_USER: credentials.minioUser,
        MINIO_ROOT_PASSWORD: credentials.minioPassword,
        MINIO_BROWSER: "off",
      },
      log: join(stackDir, "logs/minio.log"),
      ready: { http: `http://127.0.0.1:${ports.minio}/minio/health/live` },
    },
    {
      name: "chroma",
      command: chromaBin(),
      args: [
        "run",
        "--path",
        join(stackDir, "chroma"),
        "--host",
        "127.0.0.1",
        "--port",
        String(ports.chroma),
      ],
      env: { ANONYMIZED_TELEMETRY: "False" },
      log: join(stackDir, "logs/chroma.log"),
      ready: { http: `http://127.0.0.1:${ports.chroma}/api/v2/heartbeat` },
    },
  ];
  // Independent services start together; each is awaited before the functions start.
  await Promise.all(infra.map((spec) => launch(spec)));
  await launch(chromaGatewaySpec(ports.chromaGateway, ports.chroma));

  const psql = (database: string, statement: string) =>
    run(
      undefined,
      postgresBin("psql"),
      ["-h", "127.0.0.1", "-p", String(ports.postgres), "-U", "docstack", "-d", database, "-qc", statement],
      { PGPASSWORD: credentials.dbPassword },
    );
  psql("postgres", "create database docstack");
  psql("docstack", "alter role docstack set statement_timeout = '30s'");
  await launch(pgbouncerSpec(ports.postgres, ports.pgbouncer, "postgres"));

  const directUrl = `postgres://docstack:${credentials.dbPassword}@127.0.0.1:${ports.postgres}/docstack`;
  const pooledUrl = `postgres://docstack:${credentials.dbPassword}@127.0.0.1:${ports.pgbouncer}/docstack`;
  // Migrations go straight to PostgreSQL, as the Compose `migrate` service does.
  execFileSync(process.execPath, builtEntry("migrate"), {
    cwd: repoRoot,
    env: { ...process.env, DB_DRIVER: "postgres", DATABASE_URL: directUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  log("migrations applied");
  const keyDb = createPostgresDatabase({
    url: directUrl,
    poolMax: 1,
    statementTimeoutMs: 10_000,
    connectTimeoutS: 10,
    pgbouncer: false,
  });
  let apiKey: string;
  try {
    apiKey = (await createApiKey(keyDb, { name: "stack-admin", scopes: ["admin"] })).key;
  } finally {
    await keyDb.close();
  }
  log("admin API key made (in .stack/state.json)");

  const functionEnv: Record<string, string> = {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.STACK_LOG_LEVEL ?? "warn",
    PUBLIC_URL: `http://127.0.0.1:${ports.nginx}`,
    TRUST_PROXY: "true",
    DB_DRIVER: "postgres",
    DATABASE_URL: pooledUrl,
    DB_PGBOUNCER: "true",
    DB_POOL_MAX: "10",
    OBJECT_STORE: "minio",
    S3_ENDPOINT: `http://127.0.0.1:${ports.minio}`,
    S3_ACCESS_KEY: credentials.minioUser,
    S3_SECRET_KEY: credentials.minioPassword,
    S3_BUCKET: "docstack",
    SIGNING_SECRET: "docstack-local-signing-secret-0123456789",
    VECTOR_STORE: "chroma",
    CHROMA_URL: `http://127.0.0.1:${ports.chromaGateway}`,
    CHROMA_TOKEN: credentials.chromaToken,
    EMBEDDER: "builtin",
    RATE_LIMITER: "redis",
    REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
    INDEX_WORKER: "false",
    INDEX_POLL_MS: "200",
    // pg_dump/pg_restore need a session: PostgreSQL itself, not PgBouncer. Backups live with the
    // stack's other state and go with the next `up`.
    BACKUP_DATABASE_URL: directUrl,
    BACKUP_DIR: join(stackDir, "backups"),
    ...options.functionEnv,
  };

  const functionPorts: Record<string, number[]> = {};
  const functionSpecs: ServiceSpec[] = [];
  const replicas: [string, number][] = [
    ["upload", 1],
    ["index", 1],
    ["query", options.queryReplicas ?? 2],
    ["backup-status", 1],
    ["health", 1],
    ["analytics", 1],
  ];
  for (const [fn, count] of replicas) {
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      functionPorts[fn] = [...(functionPorts[fn] ?? []), port];
      functionSpecs.push({
        name: count > 1 ? `${fn}-${i + 1}` : fn,
        command: process.execPath,
        args: builtEntry(fn),
        env: { ...functionEnv, PORT: String(port) },
        log: join(stackDir, `logs/${fn}${count > 1 ? `-${i + 1}` : ""}.log`),
        ready: { http: `http://127.0.0.1:${port}/healthz` },
      });
    }
  }
  functionSpecs.push({
    name: "worker",
    command: process.execPath,
    args: builtEntry("worker"),
    env: functionEnv,
    log: join(stackDir, "logs/worker.log"),
    ready: { tcp: ports.pgbouncer },
  });
  await Promise.all(functionSpecs.map((spec) => launch(spec)));
  await launch(nginxSpec(ports.nginx, functionPorts));
  await launch(prometheusSpec(ports.prometheus, functionPorts));

  const state: StackState = {
    nginx: `http://127.0.0.1:${ports.nginx}`,
    prometheus: `http://127.0.0.1:${ports.prometheus}`,
    postgres: { url: directUrl, port: ports.postgres },
    pgbouncer: { url: pooledUrl, port: ports.pgbouncer, poolSize: 50 },
    redis: { url: `redis://127.0.0.1:${ports.redis}`, port: ports.redis },
    minio: {
      endpoint: `http://127.0.0.1:${ports.minio}`,
      accessKey: credentials.minioUser,
      secretKey: credentials.minioPassword,
      bucket: "docstack",
    },
    chroma: { url: `http://127.0.0.1:${ports.chromaGateway}`, token: credentials.chromaToken },
    functions: Object.fromEntries(
      Object.entries(functionPorts).map(([fn, ps]) => [fn, ps.map((p) => `http://127.0.0.1:${p}`)]),
    ),
    functionEnv,
    services,
    serviceDir: serviceUserDir,
    apiKey,
  };
  writeState(state);
  log(`up in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${state.nginx} (state in ${statePath})`);
  return state;
}

export async function down(): Promise<void> {
  if (!existsSync(statePath)) {
    log("not running");
    return;
  }
  const state = readState();
  // Front to back: Nginx first, the database last.
  const order = [
    "nginx",
    ...Object.keys(state.services).filter((n) => !["nginx", "pgbouncer", "postgres"].includes(n)),
    "pgbouncer",
    "postgres",
  ];
  for (const name of order) {
    const spec = state.services[name];
    if (spec) await stopService(spec);
  }
  rmSync(statePath, { force: true });
  if (state.serviceDir) rmSync(state.serviceDir, { recursive: true, force: true });
  log("down");
}

/**
 * `npm run stack:env`: the functions' settings as shell exports, so the operator commands
 * (backup, restore, dr-drill, migrate) run against the local stack:
 * `eval "$(npm run --silent stack:env)" && npm run backup`.
 */
async function printEnv(): Promise<void> {
  const { functionEnv, apiKey } = readState();
  // DOCSTACK_API_KEY is for the operator's curl; the functions do not read it.
  for (const [key, value] of Object.entries({ ...functionEnv, DOCSTACK_API_KEY: apiKey })) {
    process.stdout.write(`export ${key}='${value.replaceAll("'", "'\\''")}'\n`);
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const command = process.argv[2];
  // STACK_TEST_ENV=1 starts it with the stack suite's settings (CI starts one stack for all suites).
  const functionEnv = process.env.STACK_TEST_ENV === "1" ? stackTestEnv : {};
  const main =
    command === "up"
      ? up({ functionEnv }).then(() => undefined)
      : command === "down"
        ? down()
        : command === "env"
          ? printEnv()
          : Promise.reject(new Error("usage: stack.ts up|down|env"));
  main.catch(async (error: unknown) => {
    process.stderr.write(`[stack] ${error instanceof Error ? error.message : String(error)}\n`);
    if (command === "up") await down().catch(() => {});
    process.exit(1);
  });
}
