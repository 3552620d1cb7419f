import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../infra/local/stack.js";
import { analyticsSettleMs } from "../../shared/backups/analytics-window.js";
import type { DrillRecord } from "../../shared/backups/manifest.js";
import { sql } from "../../shared/db/sql.js";
import { uploadForm } from "../support/embedded-stack.js";
import { makeDocx, makeHtml, makePdf } from "../support/fixtures.js";
import {
  api,
  createCollection,
  directDb,
  json,
  makeKey,
  requestFrom,
  state,
  waitFor,
} from "./stack-client.js";

/** Words for generated documents: each document gets its own mix, so queries tell them apart. */
const topics = [
  ["harbour", "dredging", "silt", "basin", "tide"],
  ["library", "lending", "borrow", "members", "catalogue"],
  ["planning", "objection", "deadline", "permit", "appeal"],
  ["parks", "playground", "lead", "dogs", "benches"],
  ["recycling", "bins", "collection", "glass", "compost"],
  ["budget", "roads", "allocation", "surplus", "audit"],
  ["ferry", "timetable", "crossing", "pier", "tickets"],
  ["heritage", "grants", "restoration", "listed", "facade"],
  ["housing", "tenancy", "repairs", "rent", "damp"],
  ["schools", "admissions", "catchment", "uniform", "term"],
  ["licensing", "alcohol", "premises", "hours", "noise"],
  ["flooding", "drainage", "sandbags", "river", "barrier"],
  ["parking", "permits", "meters", "zones", "fines"],
  ["elections", "ballot", "polling", "register", "count"],
  ["cemetery", "burial", "plots", "memorial", "fees"],
  ["markets", "stalls", "traders", "saturday", "square"],
  ["allotments", "waiting", "plots", "water", "sheds"],
];
const kinds = ["pdf", "docx", "html", "txt", "md", "csv"] as const;

function sentences(t: readonly string[], n: number): string[] {
  return [
    `Notice ${n}: the council's ${t[0]} service and ${t[1]}.`,
    `Residents asked about ${t[2]} and ${t[3]} near the ${t[4]}.`,
    `Record ${n} of the ${t[0]} committee covers ${t[1]} and ${t[3]}.`,
  ];
}

async function documentFile(kind: (typeof kinds)[number], t: readonly string[], n: number) {
  const s = sentences(t, n);
  const name = `${t[0]}-${n}`;
  switch (kind) {
    case "pdf":
      return { name: `${name}.pdf`, bytes: await makePdf([s]) };
    case "docx":
      return { name: `${name}.docx`, bytes: await makeDocx(s) };
    case "html":
      return { name: `${name}.html`, bytes: makeHtml(String(t[0]), s) };
    case "txt":
      return { name: `${name}.txt`, bytes: s.join("\n\n") };
    case "md":
      return { name: `${name}.md`, bytes: `# ${t[0]}\n\n${s.join("\n\n")}` };
    case "csv":
      return { name: `${name}.csv`, bytes: `topic,detail\n${s.map((x) => `${t[0]},"${x}"`).join("\n")}\n` };
  }
}

function runDrillCommand(): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    // The command exactly as docs/backups.md has it, with the stack's settings (npm run stack:env).
    const child = spawn("npm", ["run", "--silent", "dr-drill", "--", "--confirm-wipe"], {
      cwd: repoRoot,
      env: { ...process.env, ...state.functionEnv, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on("data", (b: Buffer) => {
      out += b.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out }));
  });
}

describe("disaster-recovery drill on the real stack", () => {
  it("backs up 3 collections and 51 mixed documents, wipes every store, restores them identical", async () => {
    const collections = [await createCollection(), await createCollection(), await createCollection()];
    // Its own key with room for 51 uploads a minute (the default is the suite's shared limit).
    const uploader = await makeKey({ scopes: ["write"], rateLimits: { upload: 1000 } });
    let n = 0;
    const uploads: Promise<void>[] = [];
    for (const [c, collection] of collections.entries()) {
      for (let i = 0; i < 17; i++, n++) {
        const t = topics[(i + c * 5) % topics.length] ?? [];
        const file = await documentFile(kinds[n % kinds.length] ?? "txt", t, n);
        // One loopback address per upload: Nginx allows one upload a second per address.
        const from = `127.0.${10 + c}.${10 + i}`;
        uploads.push(
          requestFrom(
            from,
            "/documents",
            { method: "POST", body: uploadForm(collection, file) },
            uploader,
          ).then((r) => {
            if (r.status !== 201) throw new Error(`upload ${file.name}: ${r.status} ${r.text}`);
          }),
        );
      }
    }
    await Promise.all(uploads);
    for (const collection of collections) {
      await waitFor(
        "the worker to index 17 documents",
        async () => {
          const s = await api<{ counts: { indexed: number; pending: number; indexing: number } }>(
            `/index/status?collection_id=${collection}`,
          );
          return s.body.counts.indexed === 17 ? true : undefined;
        },
        120_000,
      );
    }
    // Everything else in the stack (earlier suites' documents) must be settled too.
    await waitFor("the index queue to drain", async () => {
      const s = await api<{ counts: { pending: number; indexing: number } }>("/index/status");
      return s.body.counts.pending + s.body.counts.indexing === 0 ? true : undefined;
    });
    // Analytics for the drill to compare: events of queries (through both query replicas'
    // buffers) and feedback, each collection's, older than the drill's cut-off when it starts.
    const queryIds: string[] = [];
    for (const [c, collection] of collections.entries()) {
      for (const mode of ["keyword", "hybrid"]) {
        const t = topics[(c * 5) % topics.length] ?? [];
        const r = await api<{ query_id: string }>(
          "/query",
          json("POST", { collection_id: collection, query: `${t[0]} ${t[1]}`, mode, top_k: 3 }),
        );
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        queryIds.push(r.body.query_id);
      }
      const feedback = await api(
        `/query/${queryIds[queryIds.length - 1]}/feedback`,
        json("POST", { collection_id: collection, helpful: c % 2 === 0 }),
      );
      expect(feedback.status).toBe(201);
    }
    /** Each of those events' partition. */
    const placement = (db: ReturnType<typeof directDb>) =>
      db.query<{ query_id: string; partition: string }>(sql`
        select query_id::text, tableoid::regclass::text as partition from query_events
        where query_id = any(${queryIds}::uuid[]) order by query_id`);
    let placedBefore: { query_id: string; partition: string }[];
    const db = directDb();
    try {
      await waitFor(
        "the query events and feedback written and older than the drill's cut-off",
        async () => {
          const settled = sql`at < now() - make_interval(secs => ${analyticsSettleMs / 1000})`;
          const [row] = await db.query<{ events: number; feedback: number }>(sql`
            select
              (select count(*)::int from query_events
                where query_id = any(${queryIds}::uuid[]) and ${settled}) as events,
              (select count(*)::int from query_feedback
                where collection_id = any(${collections}::uuid[]) and ${settled}) as feedback`);
          return row?.events === queryIds.length && row.feedback === collections.length ? true : undefined;
        },
        60_000,
      );
      placedBefore = [...(await placement(db))];
    } finally {
      await db.close();
    }

    const query = { collection_id: collections[1], query: "library lending members", top_k: 5 };
    const before = await api("/query", json("POST", query));
    expect(before.status).toBe(200);

    const { code, out } = await runDrillCommand();
    expect(code, out).toBe(0);
    const record = JSON.parse(
      await readFile(join(state.functionEnv.BACKUP_DIR ?? "", "drills", "latest.json"), "utf8"),
    ) as DrillRecord;
    console.log(
      `drill: backup ${record.backup_seconds} s, RTO ${record.rto_seconds} s, verify ${record.verify_seconds} s, sizes ${JSON.stringify(record.sizes)}`,
    );
    expect(record.outcome).toBe("passed");
    const cmp = record.comparison ?? {};
    expect(cmp["rows.documents"]?.before).toBeGreaterThanOrEqual(51);
    expect(cmp.objects?.before).toBeGreaterThanOrEqual(51);
    expect(cmp.vectors?.before).toBeGreaterThanOrEqual(51);
    expect(cmp.queries?.before).toBeGreaterThanOrEqual(3 * 2 * 3);
    expect(cmp["rows.query_events"]?.before).toBeGreaterThanOrEqual(queryIds.length);
    expect(cmp["rows.query_feedback"]?.before).toBeGreaterThanOrEqual(collections.length);
    expect(cmp["rows.analytics_settings"]?.before).toBe(1);
    expect(Date.parse(record.analytics_window?.to ?? "")).toBeLessThan(Date.parse(record.at));
    for (const [section, d] of Object.entries(cmp)) {
      expect({ section, lost: d.lost, changed: d.changed, added: d.added }).toEqual({
        section,
        lost: 0,
        changed: 0,
        added: 0,
      });
      expect(d.after, section).toBe(d.before);
    }

    // query_events came back partitioned by day, our events each in the partition it was in,
    // and the worker's partition function works on the restored schema.
    const restored = directDb();
    try {
      const [parent] = await restored.query<{ kind: string }>(
        sql`select relkind::text as kind from pg_class where oid = 'query_events'::regclass`,
      );
      expect(parent?.kind).toBe("p");
      expect(placedBefore).toHaveLength(queryIds.length);
      expect([...(await placement(restored))]).toEqual(placedBefore);
      await restored.query(sql`select ensure_query_event_partitions(2)`);
    } finally {
      await restored.close();
    }

    // The running functions serve the restored stores without a restart ...
    const after = await api("/query", json("POST", query));
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ results: (before.body as { results: unknown[] }).results });
    // ... and backup-status reports the drill and a healthy backup of every component.
    const status = await api<{ status: string; last_drill: DrillRecord }>("/backups/status");
    expect(status.status).toBe(200);
    expect(status.body.status).toBe("healthy");
    expect(status.body.last_drill).toMatchObject({
      outcome: "passed",
      backup_id: record.backup_id,
      rto_seconds: record.rto_seconds,
    });
  });
});
