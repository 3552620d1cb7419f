import type { Server as HttpServer } from "node:http";
import { type ServerType, serve } from "@hono/node-server";
import type { Deps } from "../deps/deps.js";
import { registerEventLoopGauges } from "../metrics/event-loop-gauges.js";

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves a fetch handler on Node and resolves once listening. */
export function serveNode(
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>,
  deps: Deps,
  port: number,
): Promise<Served> {
  registerEventLoopGauges();
  return new Promise((resolve) => {
    let server: ServerType | undefined;
    // Node's default 16 KB header limit is below what Nginx passes on (32 KB request lines).
    server = serve(
      { fetch, port, hostname: deps.config.HOST, serverOptions: { maxHeaderSize: 64 * 1024 } },
      (info) => {
        const host = deps.config.HOST === "0.0.0.0" ? "localhost" : deps.config.HOST;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server?.close(() => done());
            }),
        });
      },
    );
    // Nginx keeps idle upstream connections for up to 60 s (upstream keepalive_timeout). If Node
    // closed one first (its default is 5 s), a request Nginx sends on it in that instant fails,
    // and Nginx does not retry a POST on another replica: the client would get a 503.
    const http = server as HttpServer;
    http.keepAliveTimeout = upstreamIdleS * 1000 + 5_000;
  });
}

/** Nginx's upstream keepalive_timeout (infra/nginx): the functions keep connections longer. */
const upstreamIdleS = 60;

/** Stops cleanly on SIGTERM/SIGINT: stop taking requests, finish the worker, close clients. */
export function onShutdown(steps: (() => Promise<void>)[], log: Deps["log"]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        log.error("shutdown step failed", { error });
      }
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
