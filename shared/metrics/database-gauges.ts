import type { Deps } from "../deps/deps.js";
import { processMetrics } from "./registry.js";

/** The process's PostgreSQL pool: operations in flight, waiting, and the pool's size. */
export function registerDatabaseGauges(deps: Deps): void {
  const stats = deps.db.poolStats;
  if (stats === undefined) return;
  processMetrics.gauge("docstack_db_pool_connections", "Database connections by state (in_use, max).", () => {
    const s = stats();
    return [
      { labels: { state: "in_use" }, value: s.inUse },
      { labels: { state: "max" }, value: s.max },
    ];
  });
  processMetrics.gauge("docstack_db_pool_waiting", "Database operations waiting for a connection.", () => [
    { labels: {}, value: stats().waiting },
  ]);
}
