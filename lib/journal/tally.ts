import type { Tally } from '../browser/rollups';
import { dayKey } from '../browser/day';
import { storedReflection } from './reflection';

/**
 * What one stored reflection adds to its day's roll-up
 * (`browser/rollups.ts`): `reflections`, `source|KIND` (popup, site-pause,
 * check-in, meeting), a `tag|TAG` per #tag, and `meeting|MOMENT` (before,
 * during, after) for a meeting's. An invalid record adds nothing.
 */
export function reflectionTally(key: IDBValidKey, value: unknown): Tally | undefined {
  const r = value === undefined ? undefined : storedReflection(key, value);
  if (!r) return undefined;
  const counts: Record<string, number> = { reflections: 1, [`source|${r.source.kind}`]: 1 };
  for (const tag of r.tags) counts[`tag|${tag}`] = 1;
  if (r.source.kind === 'meeting') counts[`meeting|${r.source.moment}`] = 1;
  return { day: dayKey(r.createdAt), counts };
}
