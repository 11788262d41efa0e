import { idTimePrefix } from '@/lib/browser/ids';
import type { PauseRecord } from '@/lib/pause/log';
import type { Reflection } from '@/lib/journal/reflection';
import { FEED_PRESETS, type Preset } from '@/lib/sites/presets';

/** Builders of valid records made at `now` by default, with unique time-sortable ids. */
export function recordBuilders(now: number) {
  let seq = 0;
  const idAt = (t: number): string => `${idTimePrefix(t)}-${(seq++).toString(36).padStart(8, '0')}`;
  return {
    idAt,
    reflection(over: Partial<Reflection> = {}): Reflection {
      const createdAt = over.createdAt ?? now;
      return { v: 1, id: idAt(createdAt), createdAt, updatedAt: createdAt, text: 'Breathe.', tags: [], source: { kind: 'popup' }, ...over };
    },
    pause(over: Partial<PauseRecord> = {}): PauseRecord {
      const shownAt = over.shownAt ?? now;
      return { v: 1, id: idAt(shownAt), siteId: 'reddit', siteLabel: 'Reddit', host: 'www.reddit.com', shownAt, reason: 'arrived', waitSeconds: 5, choice: 'none', ...over };
    },
  };
}

/** The feed preset with this id. */
export function presetById(id: string): Preset | undefined {
  return FEED_PRESETS.find((p) => p.id === id);
}
