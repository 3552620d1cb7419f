import { describe, expect, it } from "vitest";
import { OnnxSessionPool } from "./onnx-session-pool.js";

describe("OnnxSessionPool.start", () => {
  it("fails naming the model when a session cannot load it", async () => {
    await expect(OnnxSessionPool.start(2, "/nonexistent/model.onnx", {})).rejects.toThrow(
      /could not load \/nonexistent\/model\.onnx/,
    );
  });
});
