import type { DocstackClient } from "@docstack/client";
import { formatHours, formatSeconds } from "../durations.js";
import { ErrorAlert } from "../error-alert.js";
import { formatBytes, formatTime } from "../format.js";
import type { Loaded } from "../loaded.js";
import { PlaceholderTable } from "../placeholder-table.js";
import { ScrollRegion } from "../scroll-region.js";
import { BackUpNow } from "./back-up-now.js";
import { State } from "./readiness-section.js";
import type { BackupStatus } from "./use-operations.js";

type Component = BackupStatus["components"][number];

interface Props {
  backups: Loaded<BackupStatus> | undefined;
  /** The "Back up now" button, for a key that may run one (admin over every collection). */
  runner?: { client: DocstackClient; onFinished: () => void };
}

/** GET /backups/status: freshness per store, the objectives, the last drill; and "Back up now". */
export function BackupsSection({ backups, runner }: Props) {
  return (
    <section class="card" aria-labelledby="backups-title" aria-busy={backups === undefined}>
      <h2 id="backups-title">Backups</h2>
      {runner && <BackUpNow client={runner.client} onFinished={runner.onFinished} />}
      {backups === undefined && (
        <>
          <p>Loading…</p>
          <PlaceholderTable caption="…" columns={["Store", "State", "Latest backup"]} rows={3} lines={2} />
        </>
      )}
      {backups?.ok === false && <ErrorAlert message={backups.error} />}
      {backups?.ok && <Status status={backups.data} />}
    </section>
  );
}

function Status({ status }: { status: BackupStatus }) {
  const { objectives, last_drill: drill, target } = status;
  return (
    <>
      <p class={status.status === "healthy" ? "ok" : "bad"} data-testid="backups-verdict">
        {verdict(status)}
      </p>
      <ScrollRegion label="Backups by store">
        <table class="compact" data-testid="backups">
          <caption>
            A store's latest verified backup older than {status.stale_after_hours} h is stale.
          </caption>
          <thead>
            <tr>
              <th scope="col">Store</th>
              <th scope="col">State</th>
              <th scope="col">Latest backup</th>
            </tr>
          </thead>
          <tbody>
            {status.components.map((c) => (
              <ComponentRow key={c.component} component={c} />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <dl class="settings">
        <dt>Recovery point objective</dt>
        <dd>
          {formatHours(objectives.rpo_hours)}: {met(objectives.rpo_met, "no backup yet")}
        </dd>
        <dt>Recovery time objective</dt>
        <dd>
          {formatSeconds(objectives.rto_minutes * 60)}: {met(objectives.rto_met, "no drill yet")}
        </dd>
        <dt>Last restore drill</dt>
        <dd data-testid="last-drill">
          {drill === null ? (
            "none recorded (npm run dr-drill)"
          ) : (
            <>
              <State up={drill.outcome === "passed"} upText="passed" downText="failed" />,{" "}
              {formatTime(drill.at)}, restore took {formatSeconds(drill.rto_seconds)} (backup{" "}
              {drill.backup_id})
            </>
          )}
        </dd>
        {target && (
          <>
            <dt>Backup disk</dt>
            <dd>
              {formatBytes(target.free_bytes)} free of {formatBytes(target.total_bytes)}
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

function ComponentRow({ component: c }: { component: Component }) {
  return (
    <tr class={c.status === "healthy" ? undefined : "down"}>
      <th scope="row">{c.component}</th>
      <td>
        <State
          up={c.status === "healthy"}
          upText="fresh"
          downText={c.status === "stale" ? "stale" : "never"}
        />
        {c.age_hours !== null && <span class="sub">{formatHours(c.age_hours)} old</span>}
      </td>
      <td class="doc">
        {c.latest_at === null ? (
          "none"
        ) : (
          <>
            <time dateTime={c.latest_at}>{formatTime(c.latest_at)}</time>
            <span class="sub">
              {c.latest_size_bytes === null ? "" : `${formatBytes(c.latest_size_bytes)} · `}
              {c.count} kept · {c.latest_backup_id}
            </span>
          </>
        )}
      </td>
    </tr>
  );
}

function verdict(status: BackupStatus): string {
  if (status.status === "healthy") return "Every store has a fresh, verified backup.";
  const named = (state: Component["status"]) =>
    status.components.filter((c) => c.status === state).map((c) => c.component);
  const never = named("never");
  const stale = named("stale");
  const parts = [
    ...(never.length > 0 ? [`Never backed up: ${never.join(", ")}`] : []),
    ...(stale.length > 0 ? [`Older than ${status.stale_after_hours} h: ${stale.join(", ")}`] : []),
  ];
  return `Not fresh. ${parts.join(". ")}.`;
}

function met(value: boolean | null, unknown: string): string {
  return value === null ? `unknown (${unknown})` : value ? "met" : "NOT met";
}
