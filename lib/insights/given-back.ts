import { i18n } from '#i18n';
import type { SiteChoices } from './sites';
import type { DataTable } from './table';

/** How the estimate is made, shown beside it. */
export function givenBackMethod(): string {
  return i18n.t('insights.givenBack.method');
}

export interface GivenBack {
  minutes: number;
  bySite: { label: string; leaves: number; minutesPerLeave: number; minutes: number }[];
}

/**
 * Minutes not spent after a Leave, estimated per site: leaves times the
 * average open time chosen there (site minutes over continues), or the
 * site's usual open time (`usualMinutes`, from its settings) when the user
 * never continued.
 */
export function timeGivenBack(sites: readonly SiteChoices[], usualMinutes: (siteId: string) => number): GivenBack {
  const bySite = sites
    .filter((s) => s.left > 0)
    .map((s) => {
      const minutesPerLeave = s.continued > 0 && s.minutes > 0 ? s.minutes / s.continued : usualMinutes(s.siteId);
      return { label: s.label, leaves: s.left, minutesPerLeave: Math.round(minutesPerLeave), minutes: Math.round(s.left * minutesPerLeave) };
    });
  return { minutes: bySite.reduce((n, s) => n + s.minutes, 0), bySite };
}

export function givenBackTable(g: GivenBack): DataTable {
  return {
    caption: i18n.t('insights.givenBack.caption'),
    columns: [i18n.t('insights.column.site'), i18n.t('insights.column.leaves'), i18n.t('insights.column.minutesPerLeave'), i18n.t('insights.column.minutesEstimate')],
    rows: g.bySite.map((s) => [s.label, s.leaves, s.minutesPerLeave, s.minutes]),
  };
}
