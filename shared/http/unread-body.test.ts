import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config.js";
import type { Database } from "../db/database.js";
import type { Deps } from "../deps/deps.js";
import { ApiError } from "../errors/api-error.js";
import { createLogger } from "../logging/logger.js";
import { createBaseApp } from "./create-app.js";
import { notRateLimited, publicAccess } from "./route-policy.js";
import { type Served, serveNode } from "./serve-node.js";

/**
 * A real Node server and a raw keep-alive connection, as Nginx holds one to each function: a
 * request answered before its body was read must leave the connection usable for the next
 * request, or say it closes it.
 */
let served: Served;
let port: number;

beforeAll(async () => {
  const config = parseConfig({ LOG_LEVEL: "silent", MAX_JSON_BYTES: String(1024 * 1024) });
  const deps = {
    config,
    log: createLogger("silent"),
    db: { kind: "pglite" } as Database,
    limiter: { kind: "off" },
  } as unknown as Deps;
  const app = createBaseApp(deps, "query");
  // Refuses before reading the body, as a key check or a rate limit does.
  app.post("/refuse", publicAccess("test"), notRateLimited("test"), () => {
    throw new ApiError("unauthorized", "no key");
  });
  app.post("/read", publicAccess("test"), notRateLimited("test"), async (c) =>
    c.json({ bytes: (await c.req.arrayBuffer()).byteLength }),
  );
  // Stops after the first chunk, as an upload refused part-way does.
  app.post("/part-read", publicAccess("test"), notRateLimited("test"), async (c) => {
    const reader = c.req.raw.body?.getReader();
    await reader?.read();
    return c.json({ refused: true }, 413);
  });
  app.get("/ping", publicAccess("test"), notRateLimited("test"), (c) => c.text("pong"));
  served = await serveNode(app.fetch, deps, 0);
  port = Number(new URL(served.url).port);
});

afterAll(async () => {
  await served.close();
});

interface Answer {
  status: number;
  connection: string | undefined;
}

/** Reads one response (headers and a Content-Length body) from the socket. */
function readResponse(socket: Socket): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const onData = (data: Buffer) => {
      buffered = Buffer.concat([buffered, data]);
      const end = buffered.indexOf("\r\n\r\n");
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString("latin1").split("\r\n");
      const header = (name: string) =>
        head
          .find((line) => line.toLowerCase().startsWith(`${name}:`))
          ?.split(":")[1]
          ?.trim();
      const length = Number(header("content-length") ?? 0);
      if (buffered.length < end + 4 + length) return;
      cleanup();
      resolve({ status: Number(head[0]?.split(" ")[1]), connection: header("connection")?.toLowerCase() });
    };
    const onEnd = () => {
      cleanup();
      reject(new Error("the server closed the connection without an answer"));
    };
    const cleanup = () => {
      socket.off("data", onData);
      socket.off("end", onEnd);
      socket.off("close", onEnd);
    };
    socket.on("data", onData);
    socket.once("end", onEnd);
    socket.once("close", onEnd);
  });
}

/** One keep-alive connection for `use`, destroyed after it whatever happened. */
async function onConnection(use: (socket: Socket) => Promise<void>): Promise<void> {
  const socket = await new Promise<Socket>((resolve) => {
    const opened = connect(port, "127.0.0.1", () => resolve(opened));
    opened.on("error", () => {});
  });
  try {
    await use(socket);
  } finally {
    socket.destroy();
  }
}

function post(socket: Socket, path: string, bytes: number): Promise<Answer> {
  const answer = readResponse(socket);
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`,
  );
  socket.write(Buffer.alloc(bytes, 0x61));
  return answer;
}

function ping(socket: Socket): Promise<Answer> {
  const answer = readResponse(socket);
  socket.write("GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n");
  return answer;
}

/** Longer than @hono/node-server's 500 ms drain, after which it cuts a connection. */
const pastTheDrain = () => new Promise((resolve) => setTimeout(resolve, 800));

describe("a body the function did not read", () => {
  it.each([
    1_000,
    200_000,
    1024 * 1024,
  ])("of %i bytes is dropped and the keep-alive connection answers the next request", async (bytes) => {
    await onConnection(async (socket) => {
      const refused = await post(socket, "/refuse", bytes);
      expect(refused.status).toBe(401);
      expect(refused.connection).toBe("keep-alive");
      await pastTheDrain();
      expect((await ping(socket)).status).toBe(200);
    });
  });

  it("larger than the JSON limit closes the connection, and the response says so", async () => {
    await onConnection(async (socket) => {
      const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
      const refused = await post(socket, "/refuse", 2 * 1024 * 1024);
      expect(refused.status).toBe(413);
      expect(refused.connection).toBe("close");
      await closed;
    });
  });

  it("read part-way closes the connection, and the response says so", async () => {
    await onConnection(async (socket) => {
      const refused = await post(socket, "/part-read", 500_000);
      expect(refused.status).toBe(413);
      expect(refused.connection).toBe("close");
    });
  });

  it("read whole leaves the connection as it was", async () => {
    await onConnection(async (socket) => {
      const read = await post(socket, "/read", 500_000);
      expect(read.status).toBe(200);
      expect(read.connection).toBe("keep-alive");
      await pastTheDrain();
      expect((await ping(socket)).status).toBe(200);
    });
  });
});
