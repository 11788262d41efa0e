import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { RUNS_KEY, type Run } from './live-run';

const RUNS = Symbol.for(RUNS_KEY);

/**
 * The part of WXT's content script context a page guard runs on: its signal
 * and timers end when the extension is updated, reloaded or removed under the
 * page, or when a newer copy of the script starts in it. Tests pass a
 * `ContentScriptContext` of their own and end it with `notifyInvalidated()`.
 */
export type ScriptLife = Pick<ContentScriptContext, 'signal' | 'setTimeout' | 'setInterval' | 'onInvalidated'>;

/**
 * Keeps one run of a content script going in this page's isolated world.
 * A newer copy of the script (injected into an open tab, or the extension's
 * next version) ends the run before it through WXT's context. An ending with
 * no newer copy while the extension is still here can only be the page
 * forging WXT's start-up event (its name is public): then the run starts again
 * at once, in a fresh context, so a page cannot switch its pause off.
 */
export function keepOneRun(
  name: string,
  life: ScriptLife,
  start: (life: ScriptLife) => void,
  renew: () => ScriptLife,
  extensionIsHere: () => boolean,
): void {
  const world = globalThis as { [RUNS]?: Record<string, Run> };
  const runs = (world[RUNS] ??= {});
  const token: Run = { isLive: () => !life.signal.aborted && extensionIsHere() };
  runs[name] = token;
  life.onInvalidated(() =>
    // A newer copy in this world registers itself in the same task that ended this run.
    queueMicrotask(() => {
      if (runs[name] === token && extensionIsHere()) keepOneRun(name, renew(), start, renew, extensionIsHere);
    }),
  );
  start(life);
}

/** `keepOneRun` for the content script being built: renews its context as WXT made it. */
export function keepThisScriptRunning(ctx: ContentScriptContext, start: (life: ScriptLife) => void): void {
  const name = import.meta.env.ENTRYPOINT;
  keepOneRun(name, ctx, start, () => new ContentScriptContext(name, ctx.options), () => browser.runtime?.id != null);
}
