import { once } from "node:events";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { saveService, startService, waitReady } from "../../infra/local/stack.js";
import { holdUpload, parseResponse } from "../support/held-upload.js";
import { createCollection, makeKey, state, waitFor } from "./stack-client.js";

/** Whether a new TCP connection to the port is refused (undefined while it is still taken). */
async function refused(port: number): Promise<true | undefined> {
  const socket = connect(port, "127.0.0.1");
  try {
    await once(socket, "connect");
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ECONNREFUSED" ? true : undefined;
  } finally {
    socket.destroy();
  }
}

function alive(pid: number): true | undefined {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return undefined;
  }
}

describe("the upload function stopped with SIGTERM", () => {
  it("answers the upload in flight in full, with Connection: close, refuses new connections and exits", async () => {
    const spec = state.services.upload;
    const url = state.functions.upload?.[0];
    if (spec?.pid === undefined || url === undefined)
      throw new Error("no upload function in the stack state");
    const pid = spec.pid;
    const port = Number(new URL(url).port);
    const key = await makeKey({ scopes: ["read", "write"] });
    const collection = await createCollection();
    const text = `A held upload about the harbour tides. ${"The tide rose at the berth. ".repeat(400)}`;
    // Straight to the function: its `100 Continue` says the request is in flight there.
    const upload = await holdUpload(port, collection, text, { authorization: `Bearer ${key}` });
    try {
      process.kill(pid, "SIGTERM");
      await waitFor("the function to close its port", () => refused(port), 30_000);
      const { raw, reset } = await upload.finish();
      expect(reset).toBe(false);
      const response = parseResponse(raw);
      expect(response.status, raw.slice(0, 500)).toBe(201);
      expect(response.complete).toBe(true);
      expect(response.headers.connection).toBe("close");
      await waitFor("the function to exit", async () => (alive(pid) ? undefined : true), 30_000);
    } finally {
      // The stack goes on for the next tests.
      if (alive(pid) === undefined) {
        startService(spec);
        saveService(spec);
        await waitReady(spec);
      }
    }
  }, 120_000);
});
