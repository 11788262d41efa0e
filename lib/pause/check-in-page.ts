import { browser } from 'wxt/browser';
import type { ScriptLife } from '../browser/script-life';
import { startCheckIns } from './check-in-watch';
import { onDecisions } from './decision-bus';

/** Checks in while this page of a chosen feed site scrolls, following the guard's decisions, for as long as `life` lasts. */
export function checkInThisPage(life: ScriptLife): void {
  const checkIns = startCheckIns({ win: window, life, cardUrl: (params) => `${browser.runtime.getURL('/check-in.html')}?${params}`, now: Date.now });
  onDecisions(checkIns, life.signal);
}
