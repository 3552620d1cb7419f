import { describe, expect, it } from "vitest";
import { api, createCollection, state, waitFor } from "./stack-client.js";

const series =
  'docstack_http_requests_total{function="upload",route="/collections/:id",method="GET",status="200"}';

/** The sum over instances, as the local Prometheus last scraped it. */
async function scraped(): Promise<number> {
  const url = `${state.prometheus}/api/v1/query?query=${encodeURIComponent(`sum(${series})`)}`;
  const body = (await (await fetch(url)).json()) as { data: { result: { value: [number, string] }[] } };
  return Number(body.data.result[0]?.value[1] ?? 0);
}

/** The same counter read from the upload function itself. */
async function exported(): Promise<number> {
  const text = await (await fetch(`${state.functions.upload?.[0]}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(series));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(" ") + 1));
}

describe("the local Prometheus", () => {
  it("scrapes every function and counts exactly the requests made", async () => {
    const functionProcesses = Object.values(state.functions).flat().length;
    // Every function process is a target, and each has been scraped successfully.
    await waitFor("every target to be scraped", async () => {
      const t = (await (await fetch(`${state.prometheus}/api/v1/targets`)).json()) as {
        data: { activeTargets: { health: string }[] };
      };
      const up = t.data.activeTargets.filter((x) => x.health === "up").length;
      return t.data.activeTargets.length === functionProcesses && up === functionProcesses ? true : undefined;
    });

    const collection = await createCollection();
    expect((await api(`/collections/${collection}`)).status).toBe(200);
    const baseline = await waitFor("Prometheus to catch up with the function", async () => {
      const [p, f] = [await scraped(), await exported()];
      return p === f && p > 0 ? p : undefined;
    });
    for (let i = 0; i < 7; i++) expect((await api(`/collections/${collection}`)).status).toBe(200);
    const after = await waitFor("the 7 requests to be scraped", async () => {
      const p = await scraped();
      return p >= baseline + 7 ? p : undefined;
    });
    expect(after - baseline).toBe(7);

    const rules = (await (await fetch(`${state.prometheus}/api/v1/rules`)).json()) as {
      data: { groups: { rules: { name: string }[] }[] };
    };
    expect(rules.data.groups.flatMap((g) => g.rules.map((r) => r.name))).toHaveLength(6);
  });
});
