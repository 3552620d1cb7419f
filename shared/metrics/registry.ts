/**
 * A small Prometheus registry (text format 0.0.4): counters, histograms and gauges read at scrape
 * time. One per process (`processMetrics`): every function served by the process reports into it
 * with its own `function` label, and its /metrics shows the lot.
 */
export type Labels = Record<string, string>;
export interface Sample {
  labels: Labels;
  value: number;
}

const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const labelText = (labels: Labels) => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
};
const number = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? "+Inf" : n < 0 ? "-Inf" : "NaN");
const sampleLines = (name: string, samples: readonly Sample[]) =>
  samples.map((s) => `${name}${labelText(s.labels)} ${number(s.value)}`);

/** One gauge family as Prometheus text, for figures computed at scrape time outside a registry. */
export function gaugeText(name: string, help: string, samples: readonly Sample[]): string {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...sampleLines(name, samples)].join("\n");
}

const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));

interface Family {
  help: string;
  type: "counter" | "gauge" | "histogram";
  render(name: string): Promise<string[]> | string[];
}

export class MetricsRegistry {
  private readonly families = new Map<string, Family>();

  private add(name: string, family: Family): void {
    if (this.families.has(name)) throw new Error(`metric ${name} is registered twice`);
    this.families.set(name, family);
  }

  counter(name: string, help: string): (labels: Labels, by?: number) => void {
    const values = new Map<string, Sample>();
    this.add(name, {
      help,
      type: "counter",
      render: (n) => sampleLines(n, [...values.values()]),
    });
    return (labels, by = 1) => {
      const key = keyOf(labels);
      const sample = values.get(key) ?? { labels, value: 0 };
      sample.value += by;
      values.set(key, sample);
    };
  }

  histogram(name: string, help: string, buckets: readonly number[]): (labels: Labels, value: number) => void {
    const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
    this.add(name, {
      help,
      type: "histogram",
      render: (n) =>
        [...series.values()].flatMap((s) => [
          ...buckets.map(
            (le, i) => `${n}_bucket${labelText({ ...s.labels, le: String(le) })} ${s.counts[i]}`,
          ),
          `${n}_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.count}`,
          `${n}_sum${labelText(s.labels)} ${number(s.sum)}`,
          `${n}_count${labelText(s.labels)} ${s.count}`,
        ]),
    });
    return (labels, value) => {
      const key = keyOf(labels);
      let s = series.get(key);
      if (s === undefined) {
        s = { labels, counts: buckets.map(() => 0), sum: 0, count: 0 };
        series.set(key, s);
      }
      for (let i = 0; i < buckets.length; i++)
        if (value <= (buckets[i] ?? 0)) s.counts[i] = (s.counts[i] ?? 0) + 1;
      s.sum += value;
      s.count += 1;
    };
  }

  /**
   * A gauge whose samples are read when scraped (pool use, queue depth, breaker state). A later
   * registration under the same name replaces the reader: the newest deps of the process win.
   */
  gauge(name: string, help: string, read: () => Promise<Sample[]> | Sample[]): void {
    this.families.delete(name);
    this.add(name, {
      help,
      type: "gauge",
      render: async (n) => sampleLines(n, await read()),
    });
  }

  async render(): Promise<string> {
    const out: string[] = [];
    for (const [name, family] of this.families) {
      const lines = await family.render(name);
      if (lines.length === 0) continue;
      out.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`, ...lines);
    }
    return `${out.join("\n")}\n`;
  }
}

/** Seconds: from a fast cached read to a slow restore-sized request. */
export const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const processMetrics = new MetricsRegistry();

export const httpRequests = processMetrics.counter(
  "docstack_http_requests_total",
  "HTTP requests answered, by function, route, method and status.",
);
export const httpDuration = processMetrics.histogram(
  "docstack_http_request_duration_seconds",
  "Time to answer an HTTP request, by function, route, method and status class.",
  latencyBuckets,
);
export const rateLimitRejections = processMetrics.counter(
  "docstack_rate_limit_rejections_total",
  "Requests refused with 429 by Docstack's limiter, by route class and by what was limited (key or address).",
);
export const embedderRetries = processMetrics.counter(
  "docstack_embedder_retries_total",
  "Remote embeddings requests sent again, by why the try before failed (throttled: 429, server: 5xx or 408, network).",
);
export const embedderThrottled = processMetrics.counter(
  "docstack_embedder_throttled_total",
  "429 answers from the remote embeddings server (each batch waits its Retry-After, then is sent again).",
);
export const searchDuration = processMetrics.histogram(
  "docstack_search_duration_seconds",
  "Time of one step of a search (keyword: PostgreSQL full-text; vector: the embedding plus the vector store; rerank: the rerank API, failures included; highlight: marking the matched words).",
  latencyBuckets,
);
export const rerankOutcomes = processMetrics.counter(
  "docstack_rerank_total",
  "Queries that asked for reranking, by outcome: applied, or the reason they kept the fused order (timeout, circuit-open, error, not-configured).",
);
export const indexDuration = processMetrics.histogram(
  "docstack_index_stage_duration_seconds",
  "Time spent per indexing stage (fetch, extract, chunk, embed, upsert, sql) per document.",
  latencyBuckets,
);
export const indexedDocuments = processMetrics.counter(
  "docstack_indexed_documents_total",
  "Documents an index run finished, by outcome (indexed, failed, abandoned).",
);
export const analyticsEvents = processMetrics.counter(
  "docstack_analytics_events_total",
  "Query events for retrieval analytics, by outcome (written; dropped: the buffer was full; failed: the insert failed).",
);
