import { i18n } from '#i18n';
import { splitKey, type DayRollup } from '../browser/rollups';
import { percent, shareOf, type DataTable } from './table';

/** One site's pauses over a period. */
export interface SiteChoices {
  siteId: string;
  label: string;
  shown: number;
  left: number;
  continued: number;
  skipped: number;
  shareLeft: number | null;
  /** Minutes chosen at Continue: the open time the user gave themselves. */
  minutes: number;
}

/** Each site's pauses over the days given, the most paused first. `labels` names sites by id (the settings'); a roll-up's own name is the fallback. */
export function choicesBySite(rollups: readonly DayRollup[], labels: Readonly<Record<string, string>> = {}): SiteChoices[] {
  const sites = new Map<string, SiteChoices>();
  const known: Record<string, string> = {};
  for (const r of rollups) {
    Object.assign(known, r.labels);
    for (const [key, n] of Object.entries(r.counts)) {
      const [field, id] = splitKey(key);
      if (!field.startsWith('site.')) continue;
      let s = sites.get(id);
      if (!s) sites.set(id, (s = { siteId: id, label: id, shown: 0, left: 0, continued: 0, skipped: 0, shareLeft: null, minutes: 0 }));
      const what = field.slice('site.'.length);
      if (what === 'shown' || what === 'left' || what === 'continued' || what === 'skipped' || what === 'minutes') s[what] += n;
    }
  }
  return [...sites.values()]
    .map((s) => ({ ...s, label: labels[s.siteId] ?? known[s.siteId] ?? s.siteId, shareLeft: shareOf(s.left, s.shown) }))
    .sort((a, b) => b.shown - a.shown || b.skipped - a.skipped || a.label.localeCompare(b.label));
}

export function sitesTable(sites: readonly SiteChoices[]): DataTable {
  return {
    caption: i18n.t('insights.sites.caption'),
    columns: [
      i18n.t('insights.column.site'),
      i18n.t('insights.column.pauses'),
      i18n.t('insights.column.left'),
      i18n.t('insights.column.continued'),
      i18n.t('insights.column.shareLeft'),
      i18n.t('insights.column.minutesChosen'),
      i18n.t('insights.column.skipped'),
    ],
    rows: sites.map((s) => [s.label, s.shown, s.left, s.continued, percent(s.shareLeft), s.minutes, s.skipped]),
  };
}
