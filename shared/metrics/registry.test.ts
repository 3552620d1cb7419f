import { describe, expect, it } from "vitest";
import { MetricsRegistry } from "./registry.js";

describe("MetricsRegistry", () => {
  it("renders counters, histograms and gauges in Prometheus text format", async () => {
    const r = new MetricsRegistry();
    const hits = r.counter("t_hits_total", "Hits.");
    const took = r.histogram("t_seconds", "Took.", [0.1, 1]);
    r.gauge("t_depth", "Depth.", () => [{ labels: { q: "a" }, value: 3 }]);
    hits({ route: "/x", status: "200" });
    hits({ status: "200", route: "/x" }, 2); // same series whatever the label order
    hits({ route: "/y", status: 'a"b' });
    took({ route: "/x" }, 0.05);
    took({ route: "/x" }, 0.5);
    took({ route: "/x" }, 3);
    const text = await r.render();
    expect(text).toContain("# TYPE t_hits_total counter");
    expect(text).toContain('t_hits_total{route="/x",status="200"} 3');
    expect(text).toContain('t_hits_total{route="/y",status="a\\"b"} 1');
    expect(text).toContain('t_seconds_bucket{route="/x",le="0.1"} 1');
    expect(text).toContain('t_seconds_bucket{route="/x",le="1"} 2');
    expect(text).toContain('t_seconds_bucket{route="/x",le="+Inf"} 3');
    expect(text).toContain('t_seconds_sum{route="/x"} 3.55');
    expect(text).toContain('t_seconds_count{route="/x"} 3');
    expect(text).toContain('t_depth{q="a"} 3');
    expect(() => r.counter("t_hits_total", "again")).toThrow(/twice/);
  });

  it("leaves out families with no samples yet", async () => {
    const r = new MetricsRegistry();
    r.counter("t_never_total", "Never.");
    expect(await r.render()).toBe("\n");
  });
});
