import type { DocstackClient } from "@docstack/client";
import { useEffect, useState } from "preact/hooks";
import { describeError } from "./api.js";
import type { Caller } from "./caller.js";

export type CallerState =
  | { state: "loading" }
  | { state: "known"; caller: Caller }
  | { state: "failed"; error: string };

/** Who the signed-in key is, asked once per sign-in: pages offer only what it may do. */
export function useCaller(client: DocstackClient | undefined): CallerState | undefined {
  const [caller, setCaller] = useState<CallerState>();
  useEffect(() => {
    if (!client) {
      setCaller(undefined);
      return;
    }
    let live = true;
    setCaller({ state: "loading" });
    void (async () => {
      try {
        const { data, error, response } = await client.GET("/auth/whoami");
        if (!live) return;
        setCaller(
          data
            ? { state: "known", caller: data }
            : { state: "failed", error: describeError(error, response) },
        );
      } catch (failure) {
        if (live) setCaller({ state: "failed", error: describeError(failure) });
      }
    })();
    return () => {
      live = false;
    };
  }, [client]);
  return caller;
}
