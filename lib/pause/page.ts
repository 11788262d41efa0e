import { browser } from 'wxt/browser';
import type { ScriptLife } from '../browser/script-life';
import { startPauseGuard } from './guard';
import { readPauseState, watchPauseState } from './state';

/** Guards this page of a chosen feed site with the real browser behind it, for as long as `life` lasts. */
export function guardThisPage(life: ScriptLife): void {
  startPauseGuard({
    win: window,
    doc: document,
    readState: readPauseState,
    onStateChange: watchPauseState,
    pauseUrl: (params) => `${browser.runtime.getURL('/pause.html')}?${params}`,
    now: Date.now,
    life,
  });
}
