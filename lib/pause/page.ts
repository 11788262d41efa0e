import { browser } from 'wxt/browser';
import type { ScriptLife } from '../browser/script-life';
import { sendGuardMessage } from '../browser/guard-messages';
import { publishDecision } from './decision-bus';
import { startPauseGuard } from './guard';
import { readPauseState, watchPauseState } from './state';

/**
 * Guards this page of a chosen feed site with the real browser behind it, for
 * as long as `life` lasts. Its decisions go to the check-in while scrolling
 * (check-in-page.ts), a script of its own that loads once the page is idle.
 */
export function guardThisPage(life: ScriptLife): void {
  startPauseGuard({
    win: window,
    doc: document,
    readState: readPauseState,
    onStateChange: watchPauseState,
    reportSkipped: (data) => sendGuardMessage({ guard: 'pauseSkipped', data }),
    pauseUrl: (params) => `${browser.runtime.getURL('/pause.html')}?${params}`,
    now: Date.now,
    life,
    onDecision: publishDecision,
    // Measured with `npm run bench`: in Firefox, loading the pause page with the cover brings its
    // controls about 17 ms sooner, at no cost to the page's first paint; in Chromium a pause page
    // loading during the page's first frame held that frame back by about 24 ms (cover painted at
    // 116 → 140 ms) for controls 10 ms sooner, so there it loads once storage has answered.
    loadPauseEarly: import.meta.env.FIREFOX,
  });
}
