import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

/** Every metric family Docstack's code registers (counter/histogram/gauge or a backup family). */
function exportedFamilies(): Set<string> {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
        sources.push(readFileSync(path, "utf8"));
    }
  };
  walk(join(root, "shared"));
  const names = new Set<string>();
  for (const text of sources) for (const m of text.matchAll(/"(docstack_[a-z_]+)"/g)) names.add(m[1] ?? "");
  return names;
}

function referenced(text: string): string[] {
  return [
    ...new Set(
      [...text.matchAll(/\b(docstack_[a-z_]+)/g)].map((m) =>
        (m[1] ?? "").replace(/_(bucket|count|sum)$/, ""),
      ),
    ),
  ];
}

describe("the dashboard and the alert rules", () => {
  const families = exportedFamilies();
  it.each([
    "infra/prometheus/alerts.yml",
    "infra/grafana/dashboards/docstack.json",
  ])("%s uses only metrics Docstack exports", (file) => {
    const used = referenced(readFileSync(join(root, file), "utf8"));
    expect(used.length).toBeGreaterThan(4);
    expect(used.filter((name) => !families.has(name))).toEqual([]);
  });

  it("the dashboard has the panels operators need", () => {
    const dashboard = JSON.parse(
      readFileSync(join(root, "infra/grafana/dashboards/docstack.json"), "utf8"),
    ) as {
      panels: { title: string }[];
    };
    const titles = dashboard.panels.map((p) => p.title.toLowerCase()).join(" | ");
    for (const topic of ["latency", "error rate", "database connections", "search latency", "backup age"]) {
      expect(titles).toContain(topic);
    }
  });
});
