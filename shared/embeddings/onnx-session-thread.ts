import { Worker } from "node:worker_threads";
import type { InferenceSession } from "onnxruntime-node";

export interface Int64Feed {
  data: BigInt64Array;
  dims: readonly number[];
}

export interface RunOutput {
  data: Float32Array;
  dims: readonly number[];
}

type Reply = { id: number; data: Float32Array; dims: number[] } | { id: number; error: string };
type Hello =
  | { type: "ready"; inputNames: string[]; outputNames: string[] }
  | { type: "failed"; message: string };

/**
 * An onnxruntime session in a worker thread (onnx-session.worker.mjs says why). Runs queue in the
 * thread, one at a time, which also keeps two forward passes from fighting over the same cores.
 * The thread holds the process open only while a run is pending, so commands exit when done.
 */
export class OnnxSessionThread {
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (o: RunOutput) => void; reject: (e: Error) => void }
  >();
  private dead: Error | undefined;

  private constructor(
    private readonly worker: Worker,
    readonly inputNames: readonly string[],
    readonly outputNames: readonly string[],
  ) {
    worker.on("message", (reply: Reply) => this.settle(reply));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`the onnxruntime thread exited (code ${code})`)));
  }

  static async start(
    modelPath: string,
    options: InferenceSession.SessionOptions,
  ): Promise<OnnxSessionThread> {
    const worker = new Worker(new URL("./onnx-session.worker.mjs", import.meta.url), {
      workerData: { modelPath, sessionOptions: options },
    });
    const hello = await new Promise<Hello>((resolve, reject) => {
      // Removed one by one: removeAllListeners would also drop Node's own, and no reply would
      // ever arrive.
      const done = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      const onMessage = (hello: Hello) => {
        done();
        resolve(hello);
      };
      const onError = (error: Error) => {
        done();
        reject(error);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`the onnxruntime thread exited (code ${code})`));
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
    });
    if (hello.type === "failed") {
      await worker.terminate();
      throw new Error(`onnxruntime could not load ${modelPath}: ${hello.message}`);
    }
    worker.unref();
    return new OnnxSessionThread(worker, hello.inputNames, hello.outputNames);
  }

  /** Passes sent and not yet answered. */
  get queued(): number {
    return this.pending.size;
  }

  /** Why the thread stopped taking passes, once it has. */
  get failure(): Error | undefined {
    return this.dead;
  }

  run(feeds: Record<string, Int64Feed>, outputName: string): Promise<RunOutput> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Transferred, not copied: the caller builds fresh arrays for every run.
      this.worker.postMessage(
        { id, feeds, outputName },
        Object.values(feeds).map((f) => f.data.buffer as ArrayBuffer),
      );
    });
  }

  async close(): Promise<void> {
    this.dead ??= new Error("the onnxruntime thread was closed");
    await this.worker.terminate();
  }

  private settle(reply: Reply): void {
    const waiter = this.pending.get(reply.id);
    if (waiter === undefined) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ("error" in reply) waiter.reject(new Error(`onnxruntime: ${reply.error}`));
    else waiter.resolve({ data: reply.data, dims: reply.dims });
  }

  private fail(error: Error): void {
    this.dead ??= error;
    for (const waiter of this.pending.values()) waiter.reject(this.dead);
    this.pending.clear();
  }
}
