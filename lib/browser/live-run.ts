/** Where a world's runs are kept, by script name: a symbol the page's own world cannot see. */
export const RUNS_KEY = 'pause-moment.runs';

/** What a world keeps of a script's run. */
export interface Run {
  /** False once the run ended (or the extension it belongs to went). */
  isLive(): boolean;
}

/**
 * Whether a live run of `name` is in this world. Self-contained, so the
 * background can run it in a tab (`scripting.executeScript`) before
 * injecting the script, and leave a running pause as it is.
 */
export function hasLiveRun(runsKey: string, name: string): boolean {
  try {
    const runs = (globalThis as Record<symbol, Record<string, { isLive(): boolean }> | undefined>)[Symbol.for(runsKey)];
    return !!runs?.[name]?.isLive();
  } catch {
    return false;
  }
}

/** The arguments for `hasLiveRun` in a tab. */
export const liveRunArgs = (name: string): [string, string] => [RUNS_KEY, name];
