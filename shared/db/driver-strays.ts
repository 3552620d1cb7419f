/**
 * postgres.js 3.4.x loses two errors of its own, and Node ends the process for each:
 * - porsager/postgres#1192: every new connection first reads pg_type (fetch_types) in a promise
 *   nobody awaits. When PgBouncer accepts the connection but cannot reach PostgreSQL ("server
 *   login has been failing", 08P01), that read rejects unhandled. The caller's own query fails
 *   as it should, on its own promise.
 * - porsager/postgres#1208: a transaction whose backend died has its ROLLBACK written to a
 *   socket already gone (a TypeError thrown from the driver's connection.js).
 * Each happened to every function at once when PostgreSQL was stopped under load (the stack's
 * fault test). These are recognised narrowly, by the driver's error class or the driver's own
 * file at the top of the stack; they are logged and the process goes on, since the pool drops
 * the dead connection. Anything else still ends the process, as Node would.
 */
export function isDriverStray(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "PostgresError") return true;
  const top = (error.stack ?? "").split("\n").find((line) => line.trim().startsWith("at "));
  return top !== undefined && /[\\/]postgres[\\/]src[\\/]connection\.js/.test(top);
}

let installed = false;

export function guardDriverStrays(report: (error: unknown) => void): void {
  if (installed) return;
  installed = true;
  const handle = (error: unknown, origin: string) => {
    if (isDriverStray(error)) {
      report(error);
      return;
    }
    // What Node does without a handler: print and exit.
    console.error(`${origin}:`, error);
    process.exit(1);
  };
  process.on("unhandledRejection", (reason) => handle(reason, "unhandledRejection"));
  process.on("uncaughtException", (error) => handle(error, "uncaughtException"));
}
