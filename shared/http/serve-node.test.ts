import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import type { Deps } from "../deps/deps.js";
import { createLogger } from "../logging/logger.js";
import { serveNode } from "./serve-node.js";

/** Sends one keep-alive request on the socket and resolves with the status line. */
function request(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (data: Buffer) => {
      socket.off("end", onEnd);
      resolve(data.toString("latin1").split("\r\n")[0] ?? "");
    };
    const onEnd = () => {
      socket.off("data", onData);
      reject(new Error("the server closed the idle connection"));
    };
    socket.once("data", onData);
    socket.once("end", onEnd);
    socket.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n");
  });
}

describe("serveNode", () => {
  it("keeps an idle keep-alive connection past Node's 5 s default, as Nginx expects of its upstreams", async () => {
    const deps = { config: { HOST: "127.0.0.1" } } as Deps;
    const served = await serveNode(() => new Response("ok"), deps, 0);
    const socket = connect(Number(new URL(served.url).port), "127.0.0.1");
    try {
      expect(await request(socket)).toBe("HTTP/1.1 200 OK");
      let closedByServer = false;
      socket.once("end", () => {
        closedByServer = true;
      });
      await new Promise((r) => setTimeout(r, 6_000));
      expect(closedByServer).toBe(false);
      expect(await request(socket)).toBe("HTTP/1.1 200 OK");
    } finally {
      socket.destroy();
      await served.close();
    }
  }, 15_000);

  it("cuts what is still in flight once the drain's grace is over, and says how many requests it cut", async () => {
    const deps = { config: { HOST: "127.0.0.1" }, log: createLogger("silent") } as Deps;
    let arrived = () => {};
    const inFlight = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    // Never answers: only the grace can end it.
    const served = await serveNode(
      () => {
        arrived();
        return new Promise<Response>(() => {});
      },
      deps,
      0,
    );
    const socket = connect(Number(new URL(served.url).port), "127.0.0.1");
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.on("error", () => {});
    socket.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    await inFlight;
    expect(await served.drain(200)).toBe(1);
    await closed;
  });
});
