import { afterAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../../shared/db/postgres-database.js";
import { sql } from "../../shared/db/sql.js";
import { directDb, getFrom, state } from "./stack-client.js";

const db = directDb();
afterAll(() => db.close());

/** Samples server connections to the docstack database while `work` runs; returns the peak. */
async function peakServerConnections(work: Promise<unknown>): Promise<number> {
  let peak = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const [row] = await db.query<{ n: number }>(sql`
        select count(*)::int as n from pg_stat_activity
        where datname = 'docstack' and backend_type = 'client backend' and pid <> pg_backend_pid()`);
      peak = Math.max(peak, row?.n ?? 0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await work.finally(() => {
    done = true;
  });
  await sampler;
  return peak;
}

describe("PgBouncer", () => {
  it("serves 500 concurrent HTTP clients on GET /documents through Nginx", async () => {
    // 250 source addresses, two clients each: Nginx's per-address limit sees many clients.
    const statuses = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        getFrom(`127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`, `${state.nginx}/documents?limit=5`),
      ),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it("holds 500 concurrent database clients on at most pool + reserve server connections", async () => {
    const clients = Array.from({ length: 500 }, () =>
      createPostgresDatabase({
        url: state.pgbouncer.url,
        poolMax: 1,
        statementTimeoutMs: 30_000,
        connectTimeoutS: 30,
        pgbouncer: true,
      }),
    );
    try {
      const work = Promise.all(clients.map((c) => c.query(sql`select pg_sleep(0.05), 1 as ok`)));
      const peak = await peakServerConnections(work);
      const results = await work;
      expect(results.every((rows) => rows.length === 1)).toBe(true);
      expect(peak).toBeGreaterThan(1);
      expect(peak).toBeLessThanOrEqual(60); // default_pool_size 50 + reserve_pool_size 10
      console.log(`pgbouncer: 500 clients, peak server connections ${peak}`);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });
});
