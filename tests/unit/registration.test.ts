import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_RUN_AT,
  CHECK_IN_SCRIPT_FILE,
  CHECK_IN_SCRIPT_ID,
  MEETING_SCRIPT_FILE,
  MEETING_SCRIPT_ID,
  PAUSE_SCRIPT_FILE,
  PAUSE_SCRIPT_ID,
  reconcileRegistration,
  SCRIPT_RUN_AT,
} from '@/lib/sites/registration';
import type { CurrentRegistration, ScriptingPort } from '@/lib/browser/ports';
import type { Settings, TriggerSite } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';
import { HINT_SCRIPTS, reconcilePauseHints } from '@/lib/pause/pause-hints';
import type { PauseState } from '@/lib/pause/state';

const preset = (id: string, over: Partial<TriggerSite> = {}): TriggerSite => ({ ...siteFromPreset(presetById(id)!), ...over });

/** A registration as the browser would report it. */
const reg = (id: string, matches: string[] = ['*://*.example.com/*'], files = [PAUSE_SCRIPT_FILE], runAt = 'document_start'): CurrentRegistration => ({ id, matches, files, runAt });

/** A port that keeps what is registered and logs every call in order. */
function fakePort(opts: { granted?: string[]; registered?: CurrentRegistration[]; tabs?: number[]; failingTabs?: number[]; grantDelay?: Promise<void> } = {}) {
  const log: string[] = [];
  const runAt: Record<string, string> = {};
  const state = new Map((opts.registered ?? []).map((r) => [r.id, r]));
  const port: ScriptingPort = {
    async registered() {
      log.push('registered');
      return [...state.values()];
    },
    async unregister(ids) {
      log.push(`unregister ${ids.join(',')}`);
      for (const id of ids) state.delete(id);
    },
    async register(script, matches) {
      if (state.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      log.push(`register ${script.id} ${matches.join(' ')} ${script.file}`);
      runAt[script.id] = script.runAt;
      state.set(script.id, reg(script.id, matches, [script.file], script.runAt));
    },
    async update(script, matches) {
      if (!state.has(script.id)) throw new Error(`No script with ID '${script.id}'`);
      log.push(`update ${script.id} ${matches.join(' ')} ${script.file}`);
      runAt[script.id] = script.runAt;
      state.set(script.id, reg(script.id, matches, [script.file], script.runAt));
    },
    async isGranted(origin) {
      await opts.grantDelay;
      return opts.granted ? opts.granted.includes(origin) : true;
    },
    async tabsMatching(patterns) {
      log.push(`tabsMatching ${patterns.join(' ')}`);
      return opts.tabs ?? [];
    },
    async inject(tabId, script) {
      log.push(`inject ${tabId} ${script.file}`);
      if (opts.failingTabs?.includes(tabId)) throw new Error('Cannot access contents of the page');
    },
  };
  return { port, log, runAt };
}

const settings: Settings = { sites: [preset('x'), preset('reddit', { enabled: false }), preset('youtube')], meetings: { unmuteCard: false, afterCall: 'some' } };

describe('reconcileRegistration', () => {
  it('registers each script with the time it is declared to run at', async () => {
    const meet = { ...siteFromPreset(presetById('x')!), id: 'm', kind: 'meeting' as const, presetId: 'meet', patterns: ['meet.google.com'] };
    const { port, runAt } = fakePort();
    await reconcileRegistration(port, { ...settings, sites: [...settings.sites, meet] });
    expect(runAt).toEqual({ [PAUSE_SCRIPT_ID]: SCRIPT_RUN_AT.feed, [CHECK_IN_SCRIPT_ID]: CHECK_IN_RUN_AT, [MEETING_SCRIPT_ID]: SCRIPT_RUN_AT.meeting });
    expect(SCRIPT_RUN_AT.feed).toBe('document_start');
    // The check-in while scrolling waits for the page: nothing of it runs before the first paint.
    expect(CHECK_IN_RUN_AT).toBe('document_idle');
  });

  it('registers the script on enabled, granted sites only, changing its old registration in place', async () => {
    const { port, log } = fakePort({ registered: [reg('someone-else'), reg(PAUSE_SCRIPT_ID)], granted: ['*://*.x.com/*', '*://*.youtube.com/*', '*://*.reddit.com/*'] });
    const matches = await reconcileRegistration(port, settings);
    expect(matches).toEqual(['*://*.x.com/*', '*://*.youtube.com/*']);
    expect(log).toEqual([
      'registered',
      `update ${PAUSE_SCRIPT_ID} *://*.x.com/* *://*.youtube.com/* ${PAUSE_SCRIPT_FILE}`,
      'tabsMatching *://*.x.com/* *://*.youtube.com/*',
      `register ${CHECK_IN_SCRIPT_ID} *://*.x.com/* *://*.youtube.com/* ${CHECK_IN_SCRIPT_FILE}`,
      'tabsMatching *://*.x.com/* *://*.youtube.com/*',
    ]);
  });

  it('leaves a script alone when a setting changed but not where it runs, so a page loading meanwhile is still paused', async () => {
    const { port, log } = fakePort();
    const matches = await reconcileRegistration(port, settings);
    log.length = 0;
    const withSchedule: Settings = { ...settings, sites: settings.sites.map((s) => ({ ...s, waitSeconds: 3 })) };
    await reconcileRegistration(port, withSchedule);
    expect(log).toEqual(['registered', `tabsMatching ${matches.join(' ')}`, `tabsMatching ${matches.join(' ')}`]);
  });

  it('never takes a script away to change it: adding or removing a site updates it in place', async () => {
    const { port, log } = fakePort({ granted: ['*://*.x.com/*', '*://*.youtube.com/*', '*://*.reddit.com/*'] });
    await reconcileRegistration(port, settings);
    await reconcileRegistration(port, { ...settings, sites: [preset('x')] });
    await reconcileRegistration(port, { ...settings, sites: [preset('x'), preset('reddit')] });
    expect(log.filter((l) => new RegExp(`^(register|update|unregister) ${PAUSE_SCRIPT_ID} `).test(l))).toEqual([
      `register ${PAUSE_SCRIPT_ID} *://*.x.com/* *://*.youtube.com/* ${PAUSE_SCRIPT_FILE}`,
      `update ${PAUSE_SCRIPT_ID} *://*.x.com/* ${PAUSE_SCRIPT_FILE}`,
      `update ${PAUSE_SCRIPT_ID} *://*.reddit.com/* *://*.x.com/* ${PAUSE_SCRIPT_FILE}`,
    ]);
  });

  it('updates a registration that runs the script at another time', async () => {
    const { port, log } = fakePort({
      granted: ['*://*.x.com/*', '*://*.youtube.com/*'],
      registered: [reg(PAUSE_SCRIPT_ID, ['*://*.x.com/*', '*://*.youtube.com/*'], [PAUSE_SCRIPT_FILE], 'document_idle')],
    });
    await reconcileRegistration(port, settings);
    expect(log).toContain(`update ${PAUSE_SCRIPT_ID} *://*.x.com/* *://*.youtube.com/* ${PAUSE_SCRIPT_FILE}`);
  });

  it.each<[string, Settings, string[]]>([
    ['no sites', { sites: [], meetings: { unmuteCard: false, afterCall: 'some' } }, ['*://*.x.com/*']],
    ['only switched-off sites', { sites: [preset('x', { enabled: false })], meetings: { unmuteCard: false, afterCall: 'some' } }, ['*://*.x.com/*']],
    ['no access granted', settings, []],
  ])('registers nothing with %s, and removes the old registration', async (_, s, granted) => {
    const { port, log } = fakePort({ registered: [reg(PAUSE_SCRIPT_ID)], granted });
    expect(await reconcileRegistration(port, s)).toEqual([]);
    expect(log).toEqual(['registered', `unregister ${PAUSE_SCRIPT_ID}`]);
  });

  it('does not unregister when nothing of ours is registered', async () => {
    const { port, log } = fakePort({ registered: [reg('someone-else')] });
    await reconcileRegistration(port, { sites: [preset('reddit')], meetings: { unmuteCard: false, afterCall: 'some' } });
    expect(log.filter((l) => l.startsWith('unregister'))).toEqual([]);
  });

  it('runs the script in every matching open tab, even when one of them refuses', async () => {
    const { port, log } = fakePort({ tabs: [1, 2, 3], failingTabs: [1] });
    await expect(reconcileRegistration(port, { sites: [preset('reddit')], meetings: { unmuteCard: false, afterCall: 'some' } })).resolves.toEqual(['*://*.reddit.com/*']);
    expect(log.filter((l) => l.startsWith('inject'))).toEqual([PAUSE_SCRIPT_FILE, CHECK_IN_SCRIPT_FILE].flatMap((file) => [1, 2, 3].map((t) => `inject ${t} ${file}`)));
  });

  it('runs overlapping calls one after the other, the last settings winning', async () => {
    let release!: () => void;
    const slow = fakePort({ tabs: [1], grantDelay: new Promise<void>((r) => (release = r)) });
    const log = slow.log;
    const fast: ScriptingPort = { ...slow.port, isGranted: async () => true };
    const first = reconcileRegistration(slow.port, { sites: [preset('reddit')], meetings: { unmuteCard: false, afterCall: 'some' } });
    const second = reconcileRegistration(fast, { sites: [preset('bluesky')], meetings: { unmuteCard: false, afterCall: 'some' } });
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual([]); // the second waits for the first, which waits for access
    release();
    expect(await Promise.all([first, second])).toEqual([['*://*.reddit.com/*'], ['*://*.bsky.app/*']]);
    expect(log).toEqual([
      'registered',
      `register ${PAUSE_SCRIPT_ID} *://*.reddit.com/* ${PAUSE_SCRIPT_FILE}`,
      'tabsMatching *://*.reddit.com/*',
      `inject 1 ${PAUSE_SCRIPT_FILE}`,
      `register ${CHECK_IN_SCRIPT_ID} *://*.reddit.com/* ${CHECK_IN_SCRIPT_FILE}`,
      'tabsMatching *://*.reddit.com/*',
      `inject 1 ${CHECK_IN_SCRIPT_FILE}`,
      'registered',
      `update ${PAUSE_SCRIPT_ID} *://*.bsky.app/* ${PAUSE_SCRIPT_FILE}`,
      'tabsMatching *://*.bsky.app/*',
      `inject 1 ${PAUSE_SCRIPT_FILE}`,
      `update ${CHECK_IN_SCRIPT_ID} *://*.bsky.app/* ${CHECK_IN_SCRIPT_FILE}`,
      'tabsMatching *://*.bsky.app/*',
      `inject 1 ${CHECK_IN_SCRIPT_FILE}`,
    ]);
  });

  it('keeps working after a call that failed', async () => {
    const { port, log } = fakePort();
    const broken: ScriptingPort = { ...port, register: async () => Promise.reject(new Error('Duplicate script ID')) };
    await expect(reconcileRegistration(broken, { sites: [preset('reddit')], meetings: { unmuteCard: false, afterCall: 'some' } })).rejects.toThrow('Duplicate script ID');
    await expect(reconcileRegistration(port, { sites: [preset('reddit')], meetings: { unmuteCard: false, afterCall: 'some' } })).resolves.toEqual(['*://*.reddit.com/*']);
    expect(log.at(-1)).toBe('tabsMatching *://*.reddit.com/*');
  });
});

describe('meeting sites', () => {
  it('registers the meeting script on meeting sites and never the pause there', async () => {
    const meet = { ...preset('x'), id: 'meet', presetId: 'meet', label: 'Google Meet', patterns: ['meet.google.com'], kind: 'meeting' as const };
    const { port, log } = fakePort({ granted: ['*://*.x.com/*', '*://*.meet.google.com/*'] });
    const matches = await reconcileRegistration(port, { sites: [preset('x'), meet], meetings: { unmuteCard: false, afterCall: 'some' } });
    expect(matches).toEqual(['*://*.x.com/*', '*://*.meet.google.com/*']);
    expect(log).toContain(`register ${PAUSE_SCRIPT_ID} *://*.x.com/* ${PAUSE_SCRIPT_FILE}`);
    expect(log).toContain(`register ${MEETING_SCRIPT_ID} *://*.meet.google.com/* ${MEETING_SCRIPT_FILE}`);
  });
});

describe('reconcilePauseHints', () => {
  const Q = HINT_SCRIPTS.question;
  const B = HINT_SCRIPTS.breath;
  const T = 1_700_000_000_000;
  const pauseState = (sites: TriggerSite[], openTimes: PauseState['openTimes'] = {}): PauseState => ({ settings: { sites, meetings: { unmuteCard: false, afterCall: 'some' } }, openTimes });

  it('registers the question hint before the page paints, on granted sites expected to pause, and no breath hint', async () => {
    const { port, log } = fakePort({ granted: ['*://*.reddit.com/*'] });
    await reconcilePauseHints(port, pauseState([preset('reddit'), preset('x')]), T);
    expect(log).toEqual(['registered', `register ${Q.id} *://*.reddit.com/* ${Q.file}`]);
    expect(Q.runAt).toBe('document_start');
  });

  it('moves a site from the question to nothing when its time opens, in place, and says when to look again', async () => {
    const { port, log } = fakePort();
    await reconcilePauseHints(port, pauseState([preset('reddit'), preset('x')]), T);
    log.length = 0;
    const at = await reconcilePauseHints(port, pauseState([preset('reddit'), preset('x')], { reddit: { openedAt: T, until: T + 60_000 } }), T);
    expect(log).toEqual(['registered', `update ${Q.id} *://*.twitter.com/* *://*.x.com/* ${Q.file}`]);
    expect(at).toBe(T + 60_000);
    log.length = 0;
    await reconcilePauseHints(port, pauseState([preset('x')], { x: { openedAt: T, until: T + 60_000 } }), T);
    expect(log).toEqual(['registered', `unregister ${Q.id}`]);
  });

  it('hints the breath alone where the site asks its own questions', async () => {
    const { port, log } = fakePort();
    await reconcilePauseHints(port, pauseState([{ ...preset('reddit'), questions: ['Why now?'] }]), T);
    expect(log).toEqual(['registered', `register ${B.id} *://*.reddit.com/* ${B.file}`]);
  });

  it('leaves the hints alone when nothing changed', async () => {
    const { port, log } = fakePort();
    await reconcilePauseHints(port, pauseState([preset('reddit')]), T);
    log.length = 0;
    await reconcilePauseHints(port, pauseState([preset('reddit')]), T + 1);
    expect(log).toEqual(['registered']);
  });
});
