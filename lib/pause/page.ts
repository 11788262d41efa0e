import { browser } from 'wxt/browser';
import type { ScriptLife } from '../browser/script-life';
import { sendGuardMessage } from '../browser/guard-messages';
import { startPauseGuard } from './guard';
import { startCheckIns } from './check-in-watch';
import { readPauseState, watchPauseState } from './state';

/** Guards this page of a chosen feed site with the real browser behind it, for as long as `life` lasts. */
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
    onDecision: startCheckIns({ win: window, life, cardUrl: (params) => `${browser.runtime.getURL('/check-in.html')}?${params}`, now: Date.now }),
  });
}
