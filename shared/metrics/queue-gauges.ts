import { sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";
import { processMetrics } from "./registry.js";

/** The index queue, read from PostgreSQL at scrape time: documents per index status. */
export function registerQueueGauges(deps: Deps): void {
  processMetrics.gauge(
    "docstack_index_queue_documents",
    "Documents by index status (pending is the queue).",
    async () => {
      const rows = await deps.db.query<{ index_status: string; n: number }>(sql`
      select index_status, count(*)::int as n from documents where deleted_at is null group by index_status`);
      const counts: Record<string, number> = { pending: 0, indexing: 0, indexed: 0, failed: 0 };
      for (const r of rows) counts[r.index_status] = r.n;
      return Object.entries(counts).map(([status, value]) => ({ labels: { status }, value }));
    },
  );
}
