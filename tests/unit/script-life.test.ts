import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { keepOneRun, type ScriptLife } from '@/lib/browser/script-life';
import { hasLiveRun, liveRunArgs } from '@/lib/browser/live-run';

/** Starts `name` the way a content script's injection does: a fresh context, then its run. */
function inject(name: string, started: ScriptLife[], here: () => boolean): ContentScriptContext {
  const ctx = new ContentScriptContext(name);
  keepOneRun(name, ctx, (life) => started.push(life), () => new ContentScriptContext(name), here);
  return ctx;
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('keepOneRun', () => {
  it('a second copy of the script ends the first, and only one run is live', async () => {
    const started: ScriptLife[] = [];
    inject('a', started, () => true);
    inject('a', started, () => true);
    await settle();
    expect(started).toHaveLength(2);
    expect(started.map((l) => l.signal.aborted)).toEqual([true, false]);
    expect(hasLiveRun(...liveRunArgs('a'))).toBe(true);
  });

  it('a forged start-up event (no newer copy, extension still here) starts the run again at once', async () => {
    const started: ScriptLife[] = [];
    const first = inject('b', started, () => true);
    // What a page can do: WXT's event name is public.
    first.notifyInvalidated();
    await settle();
    expect(started).toHaveLength(2);
    expect(started[1]!.signal.aborted).toBe(false);
    expect(hasLiveRun(...liveRunArgs('b'))).toBe(true);
  });

  it('once the extension is gone, an ended run stays ended and none is live', async () => {
    const started: ScriptLife[] = [];
    const first = inject('c', started, () => false);
    first.notifyInvalidated();
    await settle();
    expect(started).toHaveLength(1);
    expect(hasLiveRun(...liveRunArgs('c'))).toBe(false);
  });

  it('knows runs by script name: the meeting script does not count as the pause', async () => {
    inject('meeting-x', [], () => true);
    expect(hasLiveRun(...liveRunArgs('meeting-x'))).toBe(true);
    expect(hasLiveRun(...liveRunArgs('guard-x'))).toBe(false);
  });
});
