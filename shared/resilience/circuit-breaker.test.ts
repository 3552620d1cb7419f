import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/api-error.js";
import { CircuitBreaker } from "./circuit-breaker.js";

function clock() {
  let t = 1_000_000;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}
const fail = () => Promise.reject(new Error("ECONNREFUSED"));
const ok = () => Promise.resolve("ok");

async function status(p: Promise<unknown>): Promise<number | "ok"> {
  try {
    await p;
    return "ok";
  } catch (error) {
    return error instanceof ApiError ? error.status : -1;
  }
}

describe("CircuitBreaker", () => {
  it("opens after the threshold, fails fast while open, probes once after recovery, closes on success", async () => {
    const c = clock();
    const b = new CircuitBreaker("Postgres", { failureThreshold: 3, recoveryMs: 30_000, now: c.now });
    for (let i = 0; i < 3; i++) expect(await status(b.run(fail))).toBe(503);
    expect(b.current).toBe("open");
    let called = false;
    const fast = b.run(async () => {
      called = true;
      return "x";
    });
    await expect(fast).rejects.toMatchObject({ status: 503, retryAfter: 30 });
    expect(called).toBe(false);
    c.advance(29_000);
    await expect(b.run(ok)).rejects.toMatchObject({ retryAfter: 1 });
    c.advance(1_000);
    expect(b.current).toBe("half_open");
    expect(await b.run(ok)).toBe("ok");
    expect(b.current).toBe("closed");
  });

  it("a failed probe opens it again for a whole recovery period", async () => {
    const c = clock();
    const b = new CircuitBreaker("MinIO", { failureThreshold: 1, recoveryMs: 10_000, now: c.now });
    await status(b.run(fail));
    c.advance(10_000);
    expect(await status(b.run(fail))).toBe(503);
    expect(b.current).toBe("open");
    c.advance(9_999);
    expect(b.current).toBe("open");
  });

  it("lets one probe through at a time", async () => {
    const c = clock();
    const b = new CircuitBreaker("Chroma", { failureThreshold: 1, recoveryMs: 1000, now: c.now });
    await status(b.run(fail));
    c.advance(1000);
    let release: (v: string) => void = () => {};
    const probe = b.run(
      () =>
        new Promise<string>((r) => {
          release = r;
        }),
    );
    expect(await status(b.run(ok))).toBe(503);
    release("done");
    expect(await probe).toBe("done");
    expect(await b.run(ok)).toBe("ok");
  });

  it("does not count answers that are not failures, and resets the count on success", async () => {
    const b = new CircuitBreaker("Postgres", {
      failureThreshold: 2,
      isFailure: (e) => (e as { code?: string }).code === undefined,
    });
    const unique = Object.assign(new Error("duplicate key"), { code: "23505" });
    for (let i = 0; i < 5; i++) await expect(b.run(() => Promise.reject(unique))).rejects.toBe(unique);
    expect(b.current).toBe("closed");
    await status(b.run(fail));
    await b.run(ok);
    await status(b.run(fail));
    expect(b.current).toBe("closed");
  });

  it("turns a hung call into a 503 at its timeout, and counts it", async () => {
    const b = new CircuitBreaker("embedder", { failureThreshold: 1, timeoutMs: 20 });
    const hung = b.run(() => new Promise(() => {}));
    await expect(hung).rejects.toMatchObject({ status: 503 });
    expect(b.current).toBe("open");
  });
});
