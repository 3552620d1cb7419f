import type { DocstackClient } from "@docstack/client";
import { useEffect, useRef, useState } from "preact/hooks";
import { describeError } from "../api.js";
import { ErrorAlert } from "../error-alert.js";

type Progress =
  | { state: "idle" }
  | { state: "starting" }
  | { state: "running"; backupId: string; components: string[] }
  | { state: "done"; backupId: string }
  | { state: "unseen"; backupId: string }
  | { state: "failed"; error: string };

const pollEveryMs = 1000;
/** A backup that has not shown up by then has most likely failed; the server's log says why. */
const giveUpAfterMs = 15 * 60_000;

/**
 * POST /backups/run answers at once (202); the backup is done when GET /backups/status names it
 * as the latest of every store it covers. Until then the button stays disabled and says so.
 */
export function BackUpNow({ client, onFinished }: { client: DocstackClient; onFinished: () => void }) {
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const start = async () => {
    setProgress({ state: "starting" });
    try {
      const { data, error, response } = await client.POST("/backups/run", { body: {} });
      if (!live.current) return;
      if (!data) {
        setProgress({ state: "failed", error: describeError(error, response) });
        return;
      }
      setProgress({ state: "running", backupId: data.backup_id, components: data.components });
      const seen = await waitForManifest(client, data.backup_id, data.components, () => live.current);
      if (!live.current) return;
      setProgress(
        seen ? { state: "done", backupId: data.backup_id } : { state: "unseen", backupId: data.backup_id },
      );
      onFinished();
    } catch (failure) {
      if (live.current) setProgress({ state: "failed", error: describeError(failure) });
    }
  };

  const busy = progress.state === "starting" || progress.state === "running";
  return (
    <div class="actions backup-run">
      {/* aria-disabled, not disabled: the button keeps the keyboard focus while the backup runs. */}
      <button type="button" onClick={busy ? undefined : start} aria-disabled={busy}>
        Back up now
      </button>
      <output class="meta" data-testid="backup-progress">
        {describe(progress)}
      </output>
      {progress.state === "failed" && <ErrorAlert message={progress.error} />}
    </div>
  );
}

function describe(progress: Progress): string {
  switch (progress.state) {
    case "idle":
    case "failed":
      return "";
    case "starting":
      return "Starting a backup…";
    case "running":
      return `Backup ${progress.backupId} is running (${progress.components.join(", ")}); it is verified before it counts.`;
    case "done":
      return `Backup ${progress.backupId} is complete and verified.`;
    case "unseen":
      return `Backup ${progress.backupId} has not appeared after ${giveUpAfterMs / 60_000} minutes; the server's log says whether it failed.`;
  }
}

async function waitForManifest(
  client: DocstackClient,
  backupId: string,
  components: readonly string[],
  stillWanted: () => boolean,
): Promise<boolean> {
  const until = Date.now() + giveUpAfterMs;
  while (Date.now() < until && stillWanted()) {
    await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
    const { data } = await client.GET("/backups/status");
    const covered = data?.components.filter((c) => components.includes(c.component)) ?? [];
    if (covered.length === components.length && covered.every((c) => c.latest_backup_id === backupId))
      return true;
  }
  return false;
}
