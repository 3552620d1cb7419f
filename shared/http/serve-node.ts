import type { Server as HttpServer, ServerResponse } from "node:http";
import { type ServerType, serve } from "@hono/node-server";
import type { Deps } from "../deps/deps.js";
import { registerEventLoopGauges } from "../metrics/event-loop-gauges.js";

export interface Served {
  url: string;
  /** Stops taking connections and resolves once every request in flight has been answered. */
  close(): Promise<void>;
  /**
   * The graceful stop: stops taking connections, closes idle keep-alive ones, answers the
   * requests in flight (and any that still arrive on their connections) with `Connection: close`,
   * and after `graceMs` cuts what is still open. Resolves with the number of requests cut.
   */
  drain(graceMs: number): Promise<number>;
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
        const drainer = drainable(server as HttpServer);
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => drainer.drain().then(() => undefined),
          drain: async (graceMs) => {
            const inFlight = drainer.inFlight();
            // Logged once the port is closed (drain closes it before its first await).
            const drained = drainer.drain(graceMs);
            deps.log.info("draining: no new connections", { requests_in_flight: inFlight });
            const cut = await drained;
            if (cut > 0)
              deps.log.warn("grace period over: requests cut", { requests: cut, grace_ms: graceMs });
            else deps.log.info("drained: every request in flight was answered");
            return cut;
          },
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

/**
 * Keeps the responses in flight, so a stop can tell their connections to close once answered:
 * `server.close()` alone closes only idle connections, and a keep-alive connection busy when it
 * was called would stay open, idle, for the whole keepAliveTimeout.
 */
function drainable(http: HttpServer) {
  const responses = new Set<ServerResponse>();
  let draining = false;
  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader("connection", "close");
  };
  // Before the application's listener, so the header is set before it can answer.
  http.prependListener("request", (_req, res: ServerResponse) => {
    responses.add(res);
    if (draining) closeAfterAnswer(res);
    res.once("close", () => {
      responses.delete(res);
      // A response whose headers had gone out before the drain began left its connection idle.
      if (draining) setImmediate(() => http.closeIdleConnections());
    });
  });
  return {
    inFlight: () => responses.size,
    async drain(graceMs?: number): Promise<number> {
      draining = true;
      for (const res of responses) closeAfterAnswer(res);
      const closed = new Promise<void>((done) => http.close(() => done()));
      http.closeIdleConnections();
      if (graceMs === undefined) {
        await closed;
        return 0;
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((done) => {
        timer = setTimeout(() => done("late"), graceMs);
      });
      const outcome = await Promise.race([closed.then(() => "closed" as const), late]);
      clearTimeout(timer);
      if (outcome === "closed") return 0;
      const cut = responses.size;
      http.closeAllConnections();
      await closed;
      return cut;
    },
  };
}
