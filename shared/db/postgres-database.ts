import postgres from "postgres";
import type { Database, Queryable } from "./database.js";
import { render, type SqlFragment } from "./sql.js";

export interface PostgresOptions {
  url: string;
  poolMax: number;
  statementTimeoutMs: number;
  connectTimeoutS: number;
  /** PgBouncer in transaction mode cannot keep prepared statements across transactions. */
  pgbouncer: boolean;
}

type Client = postgres.Sql | postgres.TransactionSql;

function queryable(client: Client): Queryable {
  return {
    async query<T>(statement: SqlFragment): Promise<T[]> {
      const { text, params } = render(statement);
      const rows = await client.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as T[];
    },
  };
}

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
    types: { bigint: postgres.BigInt },
  });
  const base = queryable(client);
  return {
    kind: "postgres",
    query: base.query,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return (await client.begin(async (tx) => {
        await tx.unsafe(`set local statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
        return fn(queryable(tx));
      })) as T;
    },
    async execScript(text: string): Promise<void> {
      await client.unsafe(text).simple();
    },
    async ping(): Promise<void> {
      await client`select 1`;
    },
    async close(): Promise<void> {
      await client.end({ timeout: 5 });
    },
  };
}
