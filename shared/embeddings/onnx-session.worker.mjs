/*
 * One onnxruntime session on a thread of its own. onnxruntime-node's InferenceSession.run is
 * synchronous underneath (it holds the JS thread for the whole forward pass: seconds for a batch
 * of abstracts), so in the server's thread it would stall every request meanwhile. Plain
 * JavaScript, kept to the runtime calls, because worker threads on Node 20 cannot load
 * TypeScript through tsx; tokenising and pooling stay in TypeScript (onnx-embedder.ts).
 *
 * Messages in:  { id, feeds: { name: { data: BigInt64Array, dims } }, outputName }
 * Messages out: { type: "ready", inputNames, outputNames } | { type: "failed", message } once,
 *               then { id, data: Float32Array, dims } | { id, error } per run.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InferenceSession, Tensor } from "onnxruntime-node";

const port = parentPort;
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

try {
  const session = await InferenceSession.create(workerData.modelPath, workerData.sessionOptions);
  port.on("message", async ({ id, feeds, outputName }) => {
    try {
      const tensors = {};
      for (const [name, f] of Object.entries(feeds)) tensors[name] = new Tensor("int64", f.data, f.dims);
      const output = (await session.run(tensors))[outputName];
      if (output === undefined) throw new Error(`the model has no output ${outputName}`);
      // A copy of our own to transfer: the tensor's buffer may belong to the runtime.
      const data = new Float32Array(output.data);
      port.postMessage({ id, data, dims: output.dims }, [data.buffer]);
    } catch (error) {
      port.postMessage({ id, error: messageOf(error) });
    }
  });
  port.postMessage({ type: "ready", inputNames: session.inputNames, outputNames: session.outputNames });
} catch (error) {
  port.postMessage({ type: "failed", message: messageOf(error) });
}
