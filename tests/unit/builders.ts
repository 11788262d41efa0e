import { idTimePrefix } from '@/lib/browser/ids';
import type { PauseRecord } from '@/lib/pause/log';
import type { Reflection } from '@/lib/journal/reflection';
import { FEED_PRESETS, type Preset } from '@/lib/sites/presets';
import type { TriggerSite } from '@/lib/settings/settings';

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

/** A site the user typed, `name` as its one pattern, with the defaults a new site gets. */
export const typedSite = (name: string, over: Partial<TriggerSite> = {}): TriggerSite => ({
  id: `site:${name}`,
  label: name,
  patterns: [name],
  enabled: true,
  waitSeconds: 5,
  windowMinutes: 15,
  kind: 'feed',
  ...over,
});
