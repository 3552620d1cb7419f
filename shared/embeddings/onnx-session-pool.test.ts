import { describe, expect, it } from "vitest";
import { OnnxSessionPool } from "./onnx-session-pool.js";

describe("OnnxSessionPool.start", () => {
  it("fails naming the model when a session cannot load it", async () => {
    await expect(OnnxSessionPool.start(2, "/nonexistent/model.onnx", {})).rejects.toThrow(
      /could not load \/nonexistent\/model\.onnx/,
    );
  });

  it("refuses a pool of no sessions", async () => {
    await expect(OnnxSessionPool.start(0, "/nonexistent/model.onnx", {})).rejects.toThrow(
      /1 or more sessions, not 0/,
    );
  });
});
