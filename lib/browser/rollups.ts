/**
 * Day roll-ups: counts kept per day beside a store of records, so a page can
 * chart months of history by reading one small record a day instead of
 * every record. A record's tally is what it adds to the roll-up of its day;
 * a roll-up is the sum of the tallies of every record of its day, so a write
 * changes it by the new record's tally minus the old one's, and a full
 * recount always gives the same (`recount`). The pause history
 * (`pause/tally.ts`) and the journal (`journal/tally.ts`) each keep theirs,
 * written in the same transaction as the records (`tallied-store.ts`).
 */

/** What one record adds to the roll-up of its day: counts under flat keys (`field` or `field|name`), and the names of the sites it speaks of. */
export interface Tally {
  day: string;
  counts: Record<string, number>;
  labels?: Record<string, string>;
}

/** Splits a key into its field and the name after the first `|`. */
export function splitKey(key: string): [field: string, name: string] {
  const at = key.indexOf('|');
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}

/** One day's roll-up, as stored under its day key. */
export interface DayRollup {
  day: string;
  counts: Record<string, number>;
  labels: Record<string, string>;
}

/** The roll-ups of the days `days` spans, from its first to its last day key (both included); none for none. */
export function rollupsIn(all: readonly DayRollup[] | undefined, days: readonly string[]): DayRollup[] {
  const [from, to] = [days[0], days.at(-1)];
  return from === undefined || to === undefined ? [] : (all ?? []).filter((r) => r.day >= from && r.day <= to);
}

/**
 * Changes to roll-ups, gathered before they are written: `change(before,
 * after)` takes the old tally of a record away and adds the new one.
 */
export class RollupEdits {
  readonly byDay = new Map<string, { counts: Map<string, number>; labels: Record<string, string> }>();

  private dayOf(day: string) {
    let d = this.byDay.get(day);
    if (!d) this.byDay.set(day, (d = { counts: new Map(), labels: {} }));
    return d;
  }

  add(tally: Tally | undefined, sign: 1 | -1): void {
    if (!tally) return;
    const d = this.dayOf(tally.day);
    for (const [key, n] of Object.entries(tally.counts)) d.counts.set(key, (d.counts.get(key) ?? 0) + sign * n);
    if (sign > 0 && tally.labels) Object.assign(d.labels, tally.labels);
  }

  change(before: Tally | undefined, after: Tally | undefined): void {
    this.add(before, -1);
    this.add(after, 1);
  }

  /** `rollup` (or nothing, for a day not kept yet) with this day's changes applied; undefined once nothing is left in it. */
  applyTo(day: string, rollup: DayRollup | undefined): DayRollup | undefined {
    const edit = this.byDay.get(day);
    const counts = { ...(rollup?.counts ?? {}) };
    const labels = { ...(rollup?.labels ?? {}), ...(edit?.labels ?? {}) };
    for (const [key, n] of edit?.counts ?? []) {
      const next = (counts[key] ?? 0) + n;
      if (next > 0) counts[key] = next;
      else delete counts[key];
    }
    return Object.keys(counts).length ? { day, counts, labels } : undefined;
  }

  /** Issues the reads and writes in `days`, a store of a readwrite transaction (where nothing else writes them); they are done when it completes. */
  writeTo(days: IDBObjectStore): void {
    for (const day of this.byDay.keys()) {
      const read = days.get(day);
      read.onsuccess = () => {
        const next = this.applyTo(day, read.result as DayRollup | undefined);
        if (next) days.put(next, day);
        else days.delete(day);
      };
    }
  }
}

/** The roll-ups of a list of records from scratch: what the kept roll-ups must always equal. */
export function recount(tallies: Iterable<Tally | undefined>): DayRollup[] {
  const edits = new RollupEdits();
  for (const t of tallies) edits.add(t, 1);
  return [...edits.byDay.keys()]
    .sort()
    .map((day) => edits.applyTo(day, undefined))
    .filter((r): r is DayRollup => !!r);
}
