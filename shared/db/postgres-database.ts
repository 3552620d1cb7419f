import postgres from "postgres";
import type { Config } from "../config.js";
import type { Database, Queryable } from "./database.js";
import { Gate } from "./gate.js";
import { render, type SqlFragment } from "./sql.js";

export interface PostgresOptions {
  url: string;
  poolMax: number;
  statementTimeoutMs: number;
  connectTimeoutS: number;
  /** PgBouncer in transaction mode cannot keep prepared statements across transactions. */
  pgbouncer: boolean;
}

/** The configured connection settings; `overrides` for special connections (backups: direct, one). */
export function postgresOptionsFrom(
  config: Config,
  overrides: Partial<PostgresOptions> = {},
): PostgresOptions {
  return {
    url: config.DATABASE_URL ?? "",
    poolMax: config.DB_POOL_MAX,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    connectTimeoutS: config.DB_CONNECT_TIMEOUT_S,
    pgbouncer: config.DB_PGBOUNCER,
    ...overrides,
  };
}

type Client = postgres.Sql | postgres.TransactionSql;

function queryable(client: Client, gate: Gate): Queryable {
  return {
    query<T>(statement: SqlFragment): Promise<T[]> {
      const { text, params } = render(statement);
      return gate.run(
        async () =>
          (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
      );
    },
  };
}

/**
 * JSON arrives here already serialised (the sql tag binds JSON.stringify(...)::jsonb, which
 * PGlite reads as text). postgres.js would serialise it again for a json/jsonb parameter and
 * store a JSON *string*; passing strings through keeps both engines identical.
 */
const jsonText = (oid: number) => ({
  to: oid,
  from: [oid],
  serialize: (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value)),
  parse: (text: string) => JSON.parse(text) as unknown,
});

export function createPostgresDatabase(options: PostgresOptions): Database {
  const client = postgres(options.url, {
    max: options.poolMax,
    prepare: !options.pgbouncer,
    connect_timeout: options.connectTimeoutS,
    idle_timeout: 30,
    max_lifetime: 30 * 60,
    onnotice: () => {},
    // PgBouncer rejects unknown startup parameters, so behind it the timeout is set per
    // transaction (below) and by the server's role default (infra/postgres/init.sql).
    connection: options.pgbouncer
      ? { application_name: "docstack" }
      : { statement_timeout: options.statementTimeoutMs, application_name: "docstack" },
    types: { bigint: postgres.BigInt, json: jsonText(114), jsonb: jsonText(3802) },
  });
  // postgres.js pipelines: with more queries than free connections it writes the next one onto a
  // busy connection. PgBouncer in transaction mode (like other transaction poolers) can lose
  // such a query, and the connection then hangs forever (porsager/postgres#970); max_pipeline: 0
  // would stop it but breaks sql.begin in 3.4.x. So at most poolMax operations reach the driver
  // at once: each query until it answers, each transaction from BEGIN to COMMIT.
  const gate = new Gate(options.poolMax);
  const base = queryable(client, gate);
  return {
    kind: "postgres",
    query: base.query,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return gate.run(
        async () =>
          (await client.begin(async (tx) => {
            await tx.unsafe(`set local statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
            // One statement at a time inside the transaction, for the same reason.
            return fn(queryable(tx, new Gate(1)));
          })) as T,
      );
    },
    async execScript(text: string): Promise<void> {
      await gate.run(async () => {
        await client.unsafe(text).simple();
      });
    },
    async ping(): Promise<void> {
      await gate.run(async () => {
        await client`select 1`;
      });
    },
    async close(): Promise<void> {
      await client.end({ timeout: 5 });
    },
    poolStats: () => ({ inUse: gate.inUse, waiting: gate.pending, max: options.poolMax }),
  };
}
