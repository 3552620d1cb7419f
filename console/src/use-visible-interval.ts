import { useEffect, useRef } from "preact/hooks";

/**
 * Calls `tick` every `everyMs` while the page is visible, and at once when it becomes visible
 * again; a hidden tab asks the server nothing. Stops when the component unmounts.
 */
export function useVisibleInterval(tick: () => void, everyMs: number): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    const onTick = () => {
      if (document.visibilityState === "visible") latest.current();
    };
    const timer = setInterval(onTick, everyMs);
    document.addEventListener("visibilitychange", onTick);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onTick);
    };
  }, [everyMs]);
}
