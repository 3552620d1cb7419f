import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeApps } from "../../functions/compose-apps.js";
import { type EmbeddedStack, startEmbeddedStack } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

describe("HTTP semantics generated clients rely on", () => {
  it("takes an optional JSON body that is empty, with Content-Type: application/json, as no body", async () => {
    // Exactly what openapi-python-client and openapi-generator send for POST /index/run().
    for (const body of ["", "  \n"]) {
      const r = await stack.json<{ claimed: number }>("/index/run", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(r.status).toBe(200);
      expect(typeof r.body.claimed).toBe("number");
    }
    // A body that is there but is not JSON is still refused.
    const bad = await stack.request("/index/run", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(bad.status).toBe(400);
  });

  it("answers 405 with Allow for a method a known path does not take, 404 for an unknown path", async () => {
    // A real server: fetch's Request refuses to even make a TRACE request.
    const server = serve({ fetch: composeApps(stack.deps), port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const send = (method: string, path: string) =>
      new Promise<{ status: number; allow: string | undefined; type: string; body: string }>(
        (resolve, reject) => {
          const req = httpRequest({ host: "127.0.0.1", port, method, path }, (res) => {
            let body = "";
            res.on("data", (d) => {
              body += d;
            });
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                allow: res.headers.allow,
                type: res.headers["content-type"] ?? "",
                body,
              }),
            );
          });
          req.on("error", reject);
          req.end();
        },
      );
    try {
      for (const [method, path, allow] of [
        ["TRACE", "/query", "POST"],
        ["TRACE", "/health", "GET, HEAD"],
        ["PUT", "/collections", "GET, HEAD, POST"],
        ["PUT", `/documents/${crypto.randomUUID()}`, "DELETE, GET, HEAD, PATCH"],
        ["DELETE", "/backups/status", "GET, HEAD"],
      ] as const) {
        const r = await send(method, path);
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.allow).toBe(allow);
        expect(r.type).toContain("application/problem+json");
        const body = JSON.parse(r.body) as { code: string; requestId: string };
        expect(body.code).toBe("method_not_allowed");
        expect(body.requestId).toBeTruthy();
      }
      expect((await send("TRACE", "/nowhere")).status).toBe(404);
      expect((await send("GET", "/collections/x/y")).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
