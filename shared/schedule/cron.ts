/**
 * A five-field cron schedule (minute hour day-of-month month day-of-week), in UTC: numbers,
 * `*`, ranges `a-b`, steps `*\/n` and `a-b/n`, and lists of those. Day-of-week 0 or 7 is Sunday.
 * As in cron, when both day fields are restricted a day matching either one runs.
 */
export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

const fields = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
] as const;

function parseField(text: string, field: (typeof fields)[number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (m === null) throw new Error(`cron ${field.name}: cannot read ${JSON.stringify(part)}`);
    const step = m[4] === undefined ? 1 : Number(m[4]);
    const from = m[1] === "*" ? field.min : Number(m[2]);
    const to =
      m[1] === "*" ? field.max : m[3] === undefined ? (m[4] === undefined ? from : field.max) : Number(m[3]);
    if (step < 1 || from < field.min || to > field.max || from > to) {
      throw new Error(`cron ${field.name}: ${JSON.stringify(part)} is outside ${field.min}-${field.max}`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5)
    throw new Error(`cron: expected 5 fields, got ${parts.length} in ${JSON.stringify(expression)}`);
  const [minutes, hours, days, months, weekdays] = parts.map((p, i) =>
    parseField(p, fields[i] as (typeof fields)[number]),
  );
  if (!minutes || !hours || !days || !months || !weekdays) throw new Error("cron: unreadable");
  if (weekdays.delete(7)) weekdays.add(0);
  return {
    minutes,
    hours,
    days,
    months,
    weekdays,
    dayRestricted: parts[2] !== "*",
    weekdayRestricted: parts[4] !== "*",
  };
}

function dayMatches(s: CronSchedule, t: Date): boolean {
  const day = s.days.has(t.getUTCDate());
  const weekday = s.weekdays.has(t.getUTCDay());
  if (s.dayRestricted && s.weekdayRestricted) return day || weekday;
  return day && weekday;
}

/** The first minute strictly after `after` that the schedule names (searches up to 5 years). */
export function nextRun(s: CronSchedule, after: Date): Date {
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (t.getTime() <= limit) {
    if (!s.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0);
    } else if (!dayMatches(s, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0);
    } else if (!s.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0);
    } else if (!s.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1);
    } else {
      return t;
    }
  }
  throw new Error("cron: the schedule names no time in the next five years");
}
