import type { RegisteredScript, ScriptingPort } from '../browser/ports';
import { createWriteQueue } from '../browser/write-queue';
import { expectedPauses, type ExpectedPause } from './expected-pause';
import type { PauseState } from './state';

/**
 * The two small scripts that tell a page's guard, before it has read storage,
 * that the page is expected to pause (expected-pause.ts): one registered on
 * the sites that paint the default question, one on those that paint the
 * breath alone. They run with the guard, before the page can paint.
 */
export const HINT_SCRIPTS: Record<ExpectedPause, RegisteredScript> = {
  question: { id: 'pause-moment-expect-question', file: 'expect-question.js', name: 'expect-question', runAt: 'document_start' },
  breath: { id: 'pause-moment-expect-breath', file: 'expect-breath.js', name: 'expect-breath', runAt: 'document_start' },
};

/** The alarm that brings the hints up to date when an answer changes by the clock alone. */
export const PAUSE_HINT_ALARM = 'pause-moment-hints';

const runs = createWriteQueue();

/**
 * Registers the hint scripts on the sites expected to pause now and the user
 * let the extension reach; none where none is. Runs one at a time. Returns
 * when the hints may next change by the clock, for an alarm.
 */
export function reconcilePauseHints(port: ScriptingPort, state: PauseState, now: number): Promise<number | undefined> {
  return runs(async () => {
    const hints = expectedPauses(state, now);
    const registered = await port.registered();
    for (const kind of ['question', 'breath'] as const) {
      const script = HINT_SCRIPTS[kind];
      const granted = await Promise.all(hints[kind].map(async (m) => ((await port.isGranted(m)) ? m : undefined)));
      const matches = granted.filter((m): m is string => !!m);
      const current = registered.find((r) => r.id === script.id);
      if (matches.length === 0) {
        if (current) await port.unregister([script.id]);
      } else if (!current) await port.register(script, matches);
      else if ([...current.matches].sort().join() !== matches.join()) await port.update(script, matches);
    }
    return hints.recheckAt;
  });
}
