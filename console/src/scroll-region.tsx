import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

/**
 * A wide table's horizontal scroller. When its content overflows (a narrow screen) it becomes a
 * named, focusable region, so a keyboard can scroll it; otherwise it is no extra tab stop.
 */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      class="table-wrap"
      ref={box}
      {...(overflows ? { tabIndex: 0, role: "region", "aria-label": `${label} (scrolls sideways)` } : {})}
    >
      {children}
    </div>
  );
}
