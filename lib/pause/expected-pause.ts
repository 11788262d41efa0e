import { decidePause, SHOW_BACK_MS } from './decision';
import type { PauseState } from './state';
import { rulesOf } from '../sites/trigger-sites';
import { matchPatternsFor, type SiteRule } from '../sites/site-syntax';

/**
 * What a page of a chosen site can paint before the guard has read storage:
 * `question`, the default question and the breath; `breath`, the breath alone
 * (the site asks its own questions, which a script loaded before storage
 * cannot know, or an open time has just ended and the pause asks about it).
 */
export type ExpectedPause = 'question' | 'breath';

/** The match patterns on which a page is expected to pause, by what it can paint at once, and when that may change by the clock. */
export interface PauseHints {
  question: string[];
  breath: string[];
  /** The earliest moment a site's answer changes by the clock alone (an open time, a snooze or a schedule starting or ending). */
  recheckAt?: number;
}

/** Whether two rules' hosts can cover the same page. */
function overlaps(a: SiteRule, b: SiteRule): boolean {
  const under = (x: SiteRule, y: SiteRule) => x.host === y.host || (y.includeSubdomains && x.host.endsWith(`.${y.host}`));
  return under(a, b) || under(b, a);
}

/**
 * Which pages of the chosen feed sites are expected to pause now, so their
 * guard can paint the pause with the cover, before the page's first frame.
 * Only a site whose answer is the same on every page it covers gets a hint:
 * whole hosts, no exceptions, no other site on the same hosts. A hint is only
 * ever a head start: the guard still decides from storage, and takes the
 * painted pause away if the answer is no.
 */
export function expectedPauses(state: PauseState, now: number, timeZone?: string): PauseHints {
  const hints: PauseHints = { question: [], breath: [] };
  const feeds = state.settings.sites.filter((s) => s.enabled && s.kind === 'feed');
  const later = (at: number | undefined) => {
    if (at !== undefined && at > now) hints.recheckAt = Math.min(hints.recheckAt ?? Infinity, at);
  };
  for (const site of feeds) {
    const rules = rulesOf(site);
    const first = rules[0];
    if (!first || rules.some((r) => r.path !== '') || site.exceptions?.length) continue;
    if (feeds.some((other) => other !== site && rulesOf(other).some((o) => rules.some((r) => overlaps(r, o))))) continue;
    const decision = decidePause(state, `${first.scheme === 'http' ? 'http' : 'https'}://${first.host}/`, now, timeZone);
    if ('recheckAt' in decision) later(decision.recheckAt);
    if (decision.kind !== 'pause' || decision.site.id !== site.id) continue;
    // After an open time ends, its pause asks about the intention for a while, and then the question again.
    const ended = decision.ended ? state.openTimes[site.id]?.until : undefined;
    if (ended !== undefined) later(ended + SHOW_BACK_MS);
    const kind: ExpectedPause = ended !== undefined || site.questions?.length ? 'breath' : 'question';
    hints[kind].push(...rules.flatMap(matchPatternsFor));
  }
  hints.question = [...new Set(hints.question)].sort();
  hints.breath = [...new Set(hints.breath)].sort();
  return hints;
}
