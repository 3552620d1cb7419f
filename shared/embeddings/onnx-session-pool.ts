import type { InferenceSession } from "onnxruntime-node";
import { type Int64Feed, OnnxSessionThread, type RunOutput } from "./onnx-session-thread.js";

/**
 * Several sessions of one model, each in its own thread, so forward passes run side by side: a
 * small encoder uses two cores better as two single-threaded passes than as one pass split over
 * two threads (docs/onnx-embedder.md). Each pass goes to the session with the fewest passes
 * queued, so a query's pass waits behind the passes already queued there. A session whose
 * thread died fails every pass of the pool, not just its own share: nothing restarts it, and a
 * pool quietly down a session would fail documents at random while readiness stays green.
 */
export class OnnxSessionPool {
  constructor(private readonly sessions: readonly OnnxSessionThread[]) {}

  static async start(
    size: number,
    modelPath: string,
    options: InferenceSession.SessionOptions,
  ): Promise<OnnxSessionPool> {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`an ONNX session pool needs 1 or more sessions, not ${size}`);
    const started = await Promise.allSettled(
      Array.from({ length: size }, () => OnnxSessionThread.start(modelPath, options)),
    );
    const sessions = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failed = started.find((s) => s.status === "rejected");
    if (failed !== undefined) {
      await Promise.all(sessions.map((s) => s.close()));
      throw failed.reason;
    }
    return new OnnxSessionPool(sessions);
  }

  get size(): number {
    return this.sessions.length;
  }

  get inputNames(): readonly string[] {
    return this.first().inputNames;
  }

  get outputNames(): readonly string[] {
    return this.first().outputNames;
  }

  /** Passes queued on each session. */
  get queued(): readonly number[] {
    return this.sessions.map((s) => s.queued);
  }

  run(feeds: Record<string, Int64Feed>, outputName: string): Promise<RunOutput> {
    const dead = this.sessions.find((s) => s.failure !== undefined)?.failure;
    if (dead !== undefined) return Promise.reject(dead);
    let least = this.first();
    for (const session of this.sessions) if (session.queued < least.queued) least = session;
    return least.run(feeds, outputName);
  }

  async close(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.close()));
  }

  private first(): OnnxSessionThread {
    const session = this.sessions[0];
    if (session === undefined) throw new Error("an ONNX session pool needs at least one session");
    return session;
  }
}
