import type { Table } from "./report.js";

export interface BenchOptions {
  /** A smoke run of about a minute: small data, short phases, one run. */
  quick: boolean;
  /** Multiplies the data size (ingest corpus, query collection); 1 by default. */
  scale: number;
  /** Repetitions for min/median/max; each benchmark has its own default. */
  runs?: number;
  /** Also take a V8 CPU profile of the busiest function process and summarise it. */
  cpuProf: boolean;
}

export interface BenchResult {
  /** A variant of the benchmark (another embedder, say): its own report files beside the default's. */
  variant?: string;
  settings: Record<string, string | number | boolean>;
  tables: Table[];
  findings: string[];
  detail?: unknown;
}

export type Benchmark = (options: BenchOptions) => Promise<BenchResult>;
