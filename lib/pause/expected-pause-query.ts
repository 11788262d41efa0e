import { decidePause } from './decision';
import type { PauseQuery } from './query';
import type { PauseState } from './state';

/**
 * The pause page of a page that is expected to pause (expected-pause.ts) is
 * loaded with the cover, before the guard has read storage, so its controls
 * are ready sooner. Its query then names the page instead of the site; the
 * pause page reads storage itself and finds the site and the reason the way
 * the guard does (decision.ts), from the same state. When its answer is not
 * to pause (the user chose time in another tab a moment ago), it shows and
 * records nothing, and the guard, which decides from storage too, takes it away.
 */
export function settleExpectedQuery(query: PauseQuery, state: PauseState, now: number): PauseQuery | null {
  if (query.page === undefined) return query;
  const decision = decidePause(state, query.page, now);
  if (decision.kind !== 'pause') return null;
  const { page: _page, ...rest } = query;
  return { ...rest, siteId: decision.site.id, reason: decision.ended ? 'window-ended' : 'arrived' };
}
