import { describe, expect, it } from "vitest";
import { delta, parsePrometheus, sumBy, sumOf } from "./prom.js";

const text = `# HELP docstack_index_stage_duration_seconds Stage time.
# TYPE docstack_index_stage_duration_seconds histogram
docstack_index_stage_duration_seconds_bucket{stage="embed",le="+Inf"} 3
docstack_index_stage_duration_seconds_sum{stage="embed"} 1.5
docstack_index_stage_duration_seconds_sum{stage="extract"} 2.25
docstack_http_request_duration_seconds_sum{function="upload",route="/documents",method="POST",status="2xx"} 4
docstack_http_request_duration_seconds_sum{function="upload",route="/documents",method="POST",status="4xx"} 1
docstack_odd{label="a \\"quoted\\" value"} 7
`;

describe("parsePrometheus", () => {
  const samples = parsePrometheus(text);
  it("reads names, labels and values, skipping comments", () => {
    expect(samples).toHaveLength(6);
    expect(samples[0]).toEqual({
      name: "docstack_index_stage_duration_seconds_bucket",
      labels: { stage: "embed", le: "+Inf" },
      value: 3,
    });
    expect(samples[5]?.labels.label).toBe('a "quoted" value');
  });
  it("sums by label match and groups by a label", () => {
    const m = { function: "upload", route: "/documents", method: "POST" };
    expect(sumOf(samples, "docstack_http_request_duration_seconds_sum", m)).toBe(5);
    expect(sumBy(samples, "docstack_index_stage_duration_seconds_sum", "stage")).toEqual({
      embed: 1.5,
      extract: 2.25,
    });
  });
  it("takes deltas, counting new keys from zero", () => {
    expect(delta({ a: 5, b: 2 }, { a: 1 })).toEqual({ a: 4, b: 2 });
  });
});
