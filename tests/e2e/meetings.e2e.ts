import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Frame, Page } from 'puppeteer-core';
import {
  extensionFrames,
  extensionStorage,
  FIXTURES_DIR,
  launch,
  openExtensionPage,
  readIndexedDb,
  sleep,
  startFixtureServer,
  startHostedSites,
  updateExtension,
  waitFor,
  waitForExtensionFrame,
  type BrowserKind,
  type FixtureServer,
  type Harness,
  type HostedSites,
} from './harness/index.ts';
import { inExtension, pointAndClick, testBuild } from './pause-driver.ts';

/**
 * Meeting cards on the six platforms, at the platforms' real addresses
 * (served from tests/fixtures/meetings through the hosted-sites proxy), in
 * Chromium and Firefox. Every state is reached the way a person reaches it:
 * platforms, the breath and "After every call" are ticked on the options page,
 * and the call's own controls are pressed with the real mouse. Storage is only
 * ever read.
 *
 * One browser per kind for the whole file: the tests run in order and share
 * it. Each test ticks what it needs (ticking is skipped when already on), so
 * one can be run alone with --test-name-pattern.
 */

const INTENTION = 'What do I want from this meeting?';
const AFTER_CALL = "Did I agree to anything I didn't choose?";
const BREATH = 'A breath before speaking.';

/** The real addresses each fixture stands for (each fixture names its sources in its leading comment). */
const URLS = {
  meet: 'https://meet.google.com/abc-defg-hij',
  zoom: 'https://app.zoom.us/wc/1234567890/join',
  teamsPreJoin: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
  teamsWaiting: 'https://teams.live.com/meet/9312345678901',
  teamsCall: 'https://teams.microsoft.com/v2/',
  webex: 'https://acme.webex.com/meet/alex',
  jitsi: 'https://meet.jit.si/PauseMomentStandup',
  jitsiClose: 'https://meet.jit.si/static/close2.html',
  whereby: 'https://whereby.com/my-room',
};

interface Platform {
  id: string;
  /** As the options page and the adapter name it. */
  label: string;
  preJoin: { url: string; file: string };
  inCall: { url: string; file: string };
}

/** One row per platform: its pre-join page and its in-call page (muted), each at its real address. */
const PLATFORMS: Platform[] = [
  { id: 'meet', label: 'Google Meet', preJoin: { url: URLS.meet, file: 'meet-pre-join.html' }, inCall: { url: URLS.meet, file: 'meet-in-call-muted.html' } },
  { id: 'zoom', label: 'Zoom', preJoin: { url: URLS.zoom, file: 'zoom-pre-join.html' }, inCall: { url: URLS.zoom, file: 'zoom-in-call-muted.html' } },
  {
    id: 'teams',
    label: 'Microsoft Teams',
    preJoin: { url: URLS.teamsPreJoin, file: 'teams-pre-join.html' },
    inCall: { url: URLS.teamsCall, file: 'teams-in-call-muted.html' },
  },
  { id: 'webex', label: 'Webex', preJoin: { url: URLS.webex, file: 'webex-pre-join.html' }, inCall: { url: URLS.webex, file: 'webex-in-call-muted.html' } },
  { id: 'jitsi', label: 'Jitsi Meet', preJoin: { url: URLS.jitsi, file: 'jitsi-pre-join.html' }, inCall: { url: URLS.jitsi, file: 'jitsi-in-call-muted.html' } },
  { id: 'whereby', label: 'Whereby', preJoin: { url: URLS.whereby, file: 'whereby-pre-join.html' }, inCall: { url: URLS.whereby, file: 'whereby-in-call-muted.html' } },
];
const platform = (id: string) => PLATFORMS.find((p) => p.id === id)!;

/** Waiting rooms: they show call controls (leave included) but are not the call. */
const WAITING: Array<{ label: string; url: string; file: string }> = [
  { label: 'Google Meet', url: URLS.meet, file: 'meet-waiting.html' },
  { label: 'Microsoft Teams', url: URLS.teamsWaiting, file: 'teams-waiting.html' },
  { label: 'Jitsi Meet', url: URLS.jitsi, file: 'jitsi-waiting.html' },
  { label: 'Zoom', url: URLS.zoom, file: 'zoom-waiting.html' },
];

/** A fixture's test hook (the fixtures mark their controls with data attributes only). */
const hook = (name: 'mute' | 'camera' | 'leave' | 'join') => `[data-fixture="${name}"]`;

/** Every hook of a fixture, for the "does the card cover the controls" check. */
const ANY_HOOK = '[data-fixture]';

/**
 * Runs `body` (the inside of an arrow function of `(doc, dx, dy)`) on the page
 * and its same-origin iframes, depth first, until one returns non-null; dx/dy
 * put the frame's coordinates into the page's. Our card's iframe sits in a
 * closed shadow root, so it is never among them. Zoom and Webex's site page
 * hold the call in such frames.
 */
function inDocuments(body: string): string {
  return `(() => {
    const visit = (doc, dx, dy) => {
      const found = ((doc, dx, dy) => { ${body} })(doc, dx, dy);
      if (found != null) return found;
      for (const f of doc.querySelectorAll('iframe')) {
        let inner = null;
        try { inner = f.contentDocument; } catch {}
        if (!inner) continue;
        const r = f.getBoundingClientRect();
        const deeper = visit(inner, dx + r.x + f.clientLeft, dy + r.y + f.clientTop);
        if (deeper != null) return deeper;
      }
      return null;
    };
    return visit(document, 0, 0);
  })()`;
}

/** The centre of a fixture hook in page coordinates (null when the page has none). */
function hookCentre(page: Page, name: Parameters<typeof hook>[0]): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    inDocuments(`
      const el = doc.querySelector(${JSON.stringify(hook(name))});
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 ? { x: dx + r.x + r.width / 2, y: dy + r.y + r.height / 2 } : null;`),
  ) as Promise<{ x: number; y: number } | null>;
}

/** Real mouse click (move, pause, click) on a fixture hook, wherever it is (iframes included). */
async function clickHook(page: Page, name: Parameters<typeof hook>[0]): Promise<void> {
  const at = await hookCentre(page, name);
  assert.ok(at, `the page has a visible ${name} control`);
  await page.bringToFront();
  await pointAndClick(page, at.x, at.y);
}

/** The mute control's state attributes, as one string that changes whenever the control flips. */
function muteState(page: Page): Promise<string | null> {
  return page.evaluate(
    inDocuments(`
      const el = doc.querySelector(${JSON.stringify(hook('mute'))});
      return el ? ['data-is-muted', 'aria-pressed', 'data-state', 'aria-label', 'aria-checked'].map((a) => a + '=' + el.getAttribute(a)).join(' ') : null;`),
  ) as Promise<string | null>;
}

/**
 * Whether the card is on the page, whether it sits over any of the call's
 * controls (any fixture hook, in the page or its frames: its centre or a
 * corner hits the card), and whether it has focus.
 */
function cardState(page: Page): Promise<{ present: boolean; coversControls: string[]; focused: boolean }> {
  return page.evaluate(`(() => {
    const card = document.querySelector('pause-moment-card');
    const hooks = [];
    ${inDocuments(`
      for (const el of doc.querySelectorAll(${JSON.stringify(ANY_HOOK)})) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) hooks.push({ name: el.getAttribute('data-fixture') || el.id, x: dx + r.x, y: dy + r.y, w: r.width, h: r.height });
      }
      return null;`)};
    const coversControls = !card ? [] : hooks.filter((c) =>
      [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]].some(([fx, fy]) =>
        document.elementFromPoint(c.x + c.w * fx, c.y + c.h * fy) === card)).map((c) => c.name);
    return { present: !!card, coversControls, focused: !!card && document.activeElement === card };
  })()`) as Promise<{ present: boolean; coversControls: string[]; focused: boolean }>;
}

/** What has focus, down through same-origin frames: a description that changes when focus moves. */
function focusPath(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const parts = [];
    let doc = document;
    for (let i = 0; i < 5 && doc; i++) {
      const el = doc.activeElement;
      if (!el) break;
      parts.push(el.tagName + (el.getAttribute('data-fixture') ? '[' + el.getAttribute('data-fixture') + ']' : '') + (el.id ? '#' + el.id : ''));
      let inner = null;
      if (el.tagName === 'IFRAME') { try { inner = el.contentDocument; } catch {} }
      doc = inner;
    }
    return parts.join(' > ');
  })()`) as Promise<string>;
}

/** Puts the keyboard focus on the page's join (or mute) control, where a person about to join has it. */
function focusAControl(page: Page): Promise<unknown> {
  return page.evaluate(
    inDocuments(`
      const el = doc.querySelector(${JSON.stringify(hook('join'))}) ?? doc.querySelector(${JSON.stringify(hook('mute'))});
      if (!el) return null;
      el.focus();
      return true;`),
  );
}

/** Real mouse click on an element inside the card (frame coordinates plus the card's place on the page). */
async function clickInCard(page: Page, frame: Frame, selector: string): Promise<void> {
  const inner = (await frame.evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`)) as {
    x: number;
    y: number;
  };
  const outer = (await page.evaluate(`(() => { const r = document.querySelector('pause-moment-card').getBoundingClientRect(); return { x: r.x, y: r.y }; })()`)) as {
    x: number;
    y: number;
  };
  await pointAndClick(page, outer.x + inner.x, outer.y + inner.y);
  // A field is the one thing a second click cannot disturb: make sure the first one landed.
  if (selector === '#card-input') {
    await waitFor(
      async () => {
        if (await frame.evaluate(`document.hasFocus() && document.activeElement?.id === 'card-input'`)) return true;
        await pointAndClick(page, outer.x + inner.x, outer.y + inner.y);
        return false;
      },
      { interval: 300, message: 'the card field to take the click' },
    );
  }
}

/** The text of every card the page shows now ('' when none). */
async function cardTexts(page: Page, h: Harness): Promise<string> {
  const frames = await extensionFrames(page, h);
  const texts = await Promise.all(frames.map((f) => f.evaluate('document.body?.innerText ?? ""').catch(() => '')));
  return texts.join('\n');
}

/** Waits for the card asking `text`, and returns its frame. */
async function waitForCard(page: Page, h: Harness, text: string, timeout = 10_000): Promise<Frame> {
  return waitFor(
    async () => {
      for (const f of await extensionFrames(page, h)) {
        if (((await f.evaluate('document.body?.innerText ?? ""').catch(() => '')) as string).includes(text)) return f;
      }
      return null;
    },
    { timeout, interval: 150, message: `the card "${text}"` },
  );
}

/**
 * Waits until the card's content fills its frame: the frame on the page is as tall as the card
 * drawn in it (its last piece, plus the card's own padding and border), within 2 px, so no empty
 * band shows under it. Fails with both heights.
 */
async function assertCardFitsFrame(page: Page, frame: Frame, what: string): Promise<void> {
  const measure = async () => {
    const host = (await page.evaluate(`document.querySelector('pause-moment-card')?.getBoundingClientRect().height ?? 0`)) as number;
    const content = (await frame.evaluate(`(() => {
      const card = document.querySelector('.card');
      const style = getComputedStyle(card);
      // Layout boxes, not drawn ones: the breath is drawn scaled inside a box of its drawn size.
      const bottom = Math.max(...[...card.children].map((c) => c.offsetTop + c.offsetHeight));
      return bottom - card.offsetTop + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth);
    })()`)) as number;
    return { host, content };
  };
  let last = await measure();
  try {
    await waitFor(async () => ((last = await measure()), Math.abs(last.host - last.content) <= 2), { timeout: 3000, interval: 100 });
  } catch {
    assert.fail(`${what}: the frame is ${last.host.toFixed(1)} px tall, the card's content ${last.content.toFixed(1)} px`);
  }
}

async function meetingReflections(h: Harness): Promise<Array<{ text: string; source: { kind: string; moment: string; platform: string } }>> {
  return (await readIndexedDb(h, 'pause-moment-journal', 'reflections')) as Array<{ text: string; source: { kind: string; moment: string; platform: string } }>;
}

/** The call the extension will ask about, as stored when a page noticed its call (read only). */
async function pendingMeeting(h: Harness): Promise<{ platform: string; meetingId: string; joinedAt: number } | undefined> {
  return (await extensionStorage(h)).pendingMeeting as { platform: string; meetingId: string; joinedAt: number } | undefined;
}

/** Waits until a page of `label` noticed a call that started at or after `since` (needs "After every call"). */
function waitForCallNoticed(h: Harness, label: string, since: number): Promise<unknown> {
  return waitFor(
    async () => {
      const p = await pendingMeeting(h);
      return p && p.platform === label && p.joinedAt >= since;
    },
    { timeout: 10_000, interval: 200, message: `${label}: the call to be noticed` },
  );
}

/**
 * Sends a message to the meeting content script of the newest tab at `url` (its top frame), as the
 * background does, and returns its answer: `meetingOpenPause` is what the shortcut does,
 * `meetingReading` is what the popup asks.
 */
async function toMeetingTab<T>(h: Harness, url: string, type: 'meetingOpenPause' | 'meetingReading'): Promise<T | undefined> {
  return inExtension<T | undefined>(
    h,
    `async (url, type) => {
      const api = globalThis.browser ?? chrome;
      // The newest tab at that address: the calling test's.
      const tab = (await api.tabs.query({})).filter((t) => t.url?.startsWith(url)).sort((a, b) => b.id - a.id)[0];
      const answer = await api.tabs.sendMessage(tab.id, { id: 1, type, timestamp: Date.now() }, { frameId: 0 });
      return answer?.res;
    }`,
    url,
    type,
  );
}

/** How a meeting tab's content script reads the call now: what the popup says about that tab. */
function meetingReading(h: Harness, url: string): Promise<{ label: string; phase: string; mic: string } | undefined> {
  return toMeetingTab(h, url, 'meetingReading');
}

/** The settings as stored (read only). */
async function storedSettings(h: Harness): Promise<{ sites: Array<{ presetId?: string; kind: string; enabled: boolean }>; meetings: { unmuteCard: boolean; afterCall: string } }> {
  return (await extensionStorage(h)).settings as { sites: Array<{ presetId?: string; kind: string; enabled: boolean }>; meetings: { unmuteCard: boolean; afterCall: string } };
}

// ---------------------------------------------------------------- the options page, as a person uses it

const MEETINGS_SECTION = 'section[aria-labelledby="meetings-title"]';
const BREATH_BOX = `${MEETINGS_SECTION} .option input[type=checkbox]`;
const radio = (value: string) => `${MEETINGS_SECTION} input[type=radio][name="after-call"][value="${value}"]`;

/** Waits until the options page has read the settings (its inputs are enabled then). */
function optionsLoaded(options: Page): Promise<unknown> {
  return waitFor(() => options.evaluate(`!!document.querySelector(${JSON.stringify(BREATH_BOX)}) && !document.querySelector(${JSON.stringify(BREATH_BOX)}).disabled`), {
    timeout: 10_000,
    message: 'the options page to load',
  });
}

/** The checkbox of a platform in "Web meetings", as a selector page.click can use. */
async function platformBox(options: Page, label: string): Promise<string> {
  const index = (await options.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(`${MEETINGS_SECTION} ul.presets > li`)})].findIndex((li) => li.querySelector('label.preset span')?.textContent.trim() === ${JSON.stringify(label)})`,
  )) as number;
  assert.ok(index >= 0, `the options page lists ${label}`);
  return `${MEETINGS_SECTION} ul.presets > li:nth-child(${index + 1}) label.preset input[type=checkbox]`;
}

const isChecked = (options: Page, selector: string) => options.evaluate(`document.querySelector(${JSON.stringify(selector)}).checked`) as Promise<boolean>;

/** What a test wants the options page to say. */
interface Choices {
  platforms?: string[];
  breath?: boolean;
  afterCall?: 'every' | 'some' | 'never';
}

/**
 * On the options page: ticks the platforms (and, if asked, the breath and an
 * after-call choice) with real clicks, each only if not already so, and waits
 * until each is saved. `done` is what this browser's earlier tests already
 * chose on that page (the tests share one browser): when it holds everything
 * wanted, the options page is not opened again. It is updated here.
 */
async function chooseInOptions(h: Harness, want: Choices, done: Required<Choices>): Promise<void> {
  const missing = (want.platforms ?? []).filter((l) => !done.platforms.includes(l));
  const breathToSet = want.breath !== undefined && want.breath !== done.breath;
  const afterToSet = want.afterCall !== undefined && want.afterCall !== done.afterCall;
  if (!missing.length && !breathToSet && !afterToSet) return;
  const options = await openExtensionPage(h, '/options.html');
  try {
    await optionsLoaded(options);
    for (const label of want.platforms ?? []) {
      const box = await platformBox(options, label);
      if (!(await isChecked(options, box))) {
        await options.click(box);
        await waitFor(() => options.evaluate(`document.querySelector('#status-meetings')?.textContent.includes(${JSON.stringify(`${label} is on.`)}) ?? false`), {
          timeout: 8000,
          message: `the options page to say "${label} is on."`,
        });
        assert.equal(await isChecked(options, box), true, `${label} stays ticked`);
      }
      if (!done.platforms.includes(label)) done.platforms.push(label);
    }
    if (want.breath !== undefined) {
      if ((await isChecked(options, BREATH_BOX)) !== want.breath) {
        await options.click(BREATH_BOX);
        await waitFor(async () => (await storedSettings(h))?.meetings?.unmuteCard === want.breath, { message: 'the breath to be saved' });
      }
      done.breath = want.breath;
    }
    if (want.afterCall) {
      if (!(await isChecked(options, radio(want.afterCall)))) {
        await options.click(radio(want.afterCall));
        await waitFor(async () => (await storedSettings(h))?.meetings?.afterCall === want.afterCall, { message: 'the after-call choice to be saved' });
      }
      done.afterCall = want.afterCall;
    }
  } finally {
    await options.close();
  }
}

/** Reloads an extension page and waits for the new document (Firefox sends no load events for it: see the harness README). */
async function reloadExtensionPage(page: Page): Promise<void> {
  await page.evaluate(`window.__pmBeforeReload = true`);
  await page.evaluate(`location.reload()`).catch(() => {});
  await waitFor(() => page.evaluate(`document.readyState === 'complete' && !window.__pmBeforeReload`), { timeout: 10_000, message: 'the page to reload' });
}

// ---------------------------------------------------------------- the test

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`web meeting cards at the platforms' real addresses, in ${kind}`, { timeout: 300_000 }, () => {
    let h: Harness;
    let sites: HostedSites;
    /** What the options page has been made to say so far, in this browser. */
    const done: Required<Choices> = { platforms: [], breath: false, afterCall: 'some' };
    const choose = (want: Choices) => chooseInOptions(h, want, done);
    /** Pages a test opened: closed after it even when it fails, so no stale meeting tab misleads the next test. */
    const opened: Page[] = [];
    /** Which fixture hooks the intention card covered on each platform's pre-join page. */

    /** Serves `file` at `url` from now on (a swap: a platform keeps one address across its screens), with any same-origin frame it loads. */
    function serve(url: string, file: string): void {
      const html = readFileSync(resolve(FIXTURES_DIR, 'meetings', file), 'utf8');
      const noStore = { 'cache-control': 'no-store' };
      sites.route(url, { file: `meetings/${file}`, headers: noStore });
      // Shell pages (Zoom's, Webex's site page) load the call in an iframe next to them: serve those too.
      for (const [, src] of html.matchAll(/<iframe\b[^>]*\bsrc="([^"]+)"/g)) {
        const at = new URL(src!.replace(/&amp;/g, '&'), url);
        const name = at.pathname.split('/').pop()!;
        if (at.origin === new URL(url).origin && /\.html$/.test(name) && existsSync(resolve(FIXTURES_DIR, 'meetings', name))) {
          sites.route(at.origin + at.pathname, { file: `meetings/${name}`, headers: noStore });
        }
      }
    }

    /** Opens `file` at the real address `url` in a new tab in front. */
    async function open(url: string, file: string): Promise<Page> {
      serve(url, file);
      const page = await h.browser.newPage();
      opened.push(page);
      await page.bringToFront();
      await page.goto(url, { waitUntil: 'load' });
      assert.equal(await page.evaluate('location.origin + location.pathname'), new URL(url).origin + new URL(url).pathname);
      return page;
    }

    /** Opens an in-call fixture and waits until its page noticed the call. */
    async function openCall(p: Platform): Promise<Page> {
      const since = Date.now();
      const page = await open(p.inCall.url, p.inCall.file);
      await waitForCallNoticed(h, p.label, since);
      return page;
    }

    before(async () => {
      const routes: Record<string, { file: string }> = {};
      for (const p of PLATFORMS) routes[p.preJoin.url] = { file: `meetings/${p.preJoin.file}` };
      routes[URLS.teamsCall] = { file: 'meetings/teams-in-call-muted.html' };
      routes[URLS.teamsWaiting] = { file: 'meetings/teams-waiting.html' };
      routes[URLS.jitsiClose] = { file: 'meetings/jitsi-close.html' };
      sites = await startHostedSites(routes);
      h = await launch(kind, testBuild(kind), { hostedSites: sites });
    });
    afterEach(async () => {
      for (const page of opened.splice(0)) await page.close().catch(() => {});
    });
    after(async () => {
      await h?.close();
      await sites?.close();
    });

    it('options: a ticked platform, the breath and "After every call" survive a reload of the page', async () => {
      const options = await openExtensionPage(h, '/options.html');
      opened.push(options);
      await optionsLoaded(options);
      const meet = await platformBox(options, 'Google Meet');
      assert.equal(await isChecked(options, meet), false, 'nothing is ticked on a fresh install');
      assert.equal(await isChecked(options, BREATH_BOX), false, 'the breath is off on a fresh install');
      assert.equal(await isChecked(options, radio('every')), false);
      await options.click(meet);
      await waitFor(async () => (await storedSettings(h))?.sites?.some((s) => s.presetId === 'meet' && s.kind === 'meeting' && s.enabled), {
        timeout: 8000,
        message: 'Google Meet to be saved',
      });
      await options.click(BREATH_BOX);
      await waitFor(async () => (await storedSettings(h))?.meetings?.unmuteCard === true, { message: 'the breath to be saved' });
      await options.click(radio('every'));
      await waitFor(async () => (await storedSettings(h))?.meetings?.afterCall === 'every', { message: '"After every call" to be saved' });
      await reloadExtensionPage(options);
      await optionsLoaded(options);
      assert.equal(await isChecked(options, await platformBox(options, 'Google Meet')), true, 'Google Meet is still ticked');
      assert.equal(await isChecked(options, BREATH_BOX), true, 'the breath is still ticked');
      assert.equal(await isChecked(options, radio('every')), true, '"After every call" is still chosen');
      Object.assign(done, { platforms: ['Google Meet'], breath: true, afterCall: 'every' });
      for (const other of PLATFORMS.filter((p) => p.id !== 'meet')) {
        assert.equal(await isChecked(options, await platformBox(options, other.label)), false, `${other.label} stays off`);
      }
      await options.close();
    });

    for (const p of PLATFORMS) {
      it(`${p.label}: the intention card before joining, without taking focus or covering a control`, async () => {
        await choose({ platforms: [p.label], afterCall: 'every' });
        const pre = await open(p.preJoin.url, p.preJoin.file);
        await focusAControl(pre);
        const focusBefore = await focusPath(pre);
        const card = await waitForCard(pre, h, INTENTION);
        await assertCardFitsFrame(pre, card, 'the intention card');
        const state = await cardState(pre);
        assert.equal(state.present, true);
        assert.equal(state.focused, false, 'the card did not take focus');
        assert.equal(await focusPath(pre), focusBefore, 'focus stayed where the user had it');
        assert.deepEqual(state.coversControls, [], 'no call control, nor a preview toggle, is under the card');
        assert.doesNotMatch(await cardTexts(pre, h), /Did I agree/);
        await pre.close();
      });

      it(`${p.label}: the after-call card on a real press of the call's leave control`, async () => {
        await choose({ platforms: [p.label], afterCall: 'every' });
        const call = await openCall(p);
        assert.equal((await cardTexts(call, h)).includes(AFTER_CALL), false, 'no after-call card during the call');
        if (p.id === 'whereby') {
          // Whereby's leaving is told by the press itself (phaseAfterRead): the press must land on its leave button.
          assert.ok(await call.evaluate(`!!document.querySelector('[data-fixture="leave"]')?.matches('.jstest-leave-room-button')`));
        }
        await clickHook(call, 'leave');
        await assertCardFitsFrame(call, await waitForCard(call, h, AFTER_CALL), 'the after-call card');
        const after = await cardState(call);
        assert.equal(after.focused, false, 'the after-call card did not take focus');
        await call.close();
      });
    }

    it('Whereby: an end screen with nothing we know on it still brings the line, from the press on Leave', async () => {
      const whereby = PLATFORMS.find((p) => p.id === 'whereby')!;
      await choose({ platforms: [whereby.label], afterCall: 'every' });
      const call = await openCall(whereby);
      // No source shows today's screen after leaving: take every end marker we know out of what Leave puts up.
      await call.evaluate(`document.querySelector('template#fixture-left').content.querySelectorAll('.thank-you-message, h1, h2').forEach((el) => el.remove())`);
      await clickHook(call, 'leave');
      await waitForCard(call, h, AFTER_CALL);
      assert.equal((await cardState(call)).focused, false, 'the after-call card did not take focus');
    });

    for (const w of WAITING) {
      it(`${w.label}: a waiting room (${w.file}) asks for an intention, never for a line after the call`, async () => {
        await choose({ platforms: [w.label], afterCall: 'every' });
        const since = Date.now();
        const page = await open(w.url, w.file);
        await focusAControl(page);
        const focusBefore = await focusPath(page);
        await waitForCard(page, h, INTENTION);
        const state = await cardState(page);
        assert.equal(state.focused, false, 'the card did not take focus');
        assert.equal(await focusPath(page), focusBefore, 'focus stayed where the user had it');
        assert.deepEqual(state.coversControls, [], 'no control is under the card');
        // Several reads later: kept, because the reads are what is tested and they come on the guard's clock
        // (once a second, READ_INTERVAL_MS in lib/meetings/guard.ts), not on anything a test can wait for.
        await sleep(2500);
        // The moment checked, seen: the guard on this page is still reading it, as a waiting room (what the
        // popup would say for this tab), and the card it showed for that moment is still up (a read as "in
        // call" would have closed it). Only then do the absences below mean anything.
        const reading = await meetingReading(h, w.url);
        assert.equal(reading?.phase, 'pre-join', `the page still reads as before joining: ${JSON.stringify(reading)}`);
        assert.ok((await cardTexts(page, h)).includes(INTENTION), 'the intention card is still up');
        assert.doesNotMatch(await cardTexts(page, h), /Did I agree/);
        const pending = await pendingMeeting(h);
        assert.ok(!pending || pending.joinedAt < since, `no call was noticed on this page: ${JSON.stringify(pending)}`);
        await page.close();
      });
    }

    for (const id of ['meet', 'jitsi']) {
      it(`${platform(id).label}: with the breath ticked, unmuting shows "${BREATH}" without taking focus, and the unmute is not held back`, async () => {
        const p = platform(id);
        await choose({ platforms: [p.label], breath: true, afterCall: 'every' });
        const page = await openCall(p);
        await focusAControl(page);
        const focusBefore = await focusPath(page);
        const muted = await muteState(page);
        await clickHook(page, 'mute');
        const unmuted = await muteState(page);
        assert.notEqual(unmuted, muted, 'the mute control flipped at once');
        const frame = await waitForCard(page, h, BREATH, 6000);
        await assertCardFitsFrame(page, frame, 'the breath on unmute');
        const state = await cardState(page);
        assert.equal(state.focused, false, 'the breath does not take focus');
        assert.deepEqual(state.coversControls, [], 'no control is under the card');
        assert.equal(await muteState(page), unmuted, 'still unmuted: nothing undid the press');
        if (id === 'meet') {
          await waitFor(async () => !(await cardState(page)).present, { timeout: 8000, message: 'the breath to go by itself' });
        }
        assert.equal(await focusPath(page), focusBefore, 'focus stayed where the user had it');
        await page.close();
      });
    }

    it('Google Meet: the chip opens the pause; the call stays usable and uncovered; the card closes itself after a breath', async () => {
      await choose({ platforms: ['Google Meet'] });
      const page = await openCall(platform('meet'));
      await waitFor(() => page.evaluate(`!!document.querySelector('pause-moment-chip')`), { message: 'the chip' });
      const chip = (await page.evaluate(`(() => { const r = document.querySelector('pause-moment-chip').getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`)) as {
        x: number;
        y: number;
      };
      await pointAndClick(page, chip.x, chip.y);
      const frame = await waitForCard(page, h, 'Is this really my choice?');
      await waitFor(() => frame.evaluate(`document.hasFocus() && document.activeElement?.id === 'card-input'`), {
        message: 'the summoned card to take focus',
      });
      await assertCardFitsFrame(page, frame, 'the pause card');
      assert.deepEqual((await cardState(page)).coversControls, [], 'no call control is under the card');
      // The meeting's own controls still work, with the card up.
      const mute = `document.querySelector('[data-fixture="mute"]').getAttribute('data-is-muted')`;
      assert.equal(await page.evaluate(mute), 'true');
      await clickHook(page, 'mute');
      assert.equal(await page.evaluate(mute), 'false', 'unmute worked');
      await clickHook(page, 'mute');
      assert.equal(await page.evaluate(mute), 'true');
      assert.equal((await cardState(page)).present, true, 'clicking the call does not dismiss a card the user is using');
      // Left alone, it goes after one breath.
      await page.evaluate(`document.querySelector('[data-fixture="camera"]').focus()`);
      await waitFor(async () => !(await cardState(page)).present, { timeout: 12_000, message: 'the card to close itself' });
      await page.close();
    });

    it('Google Meet: the keyboard shortcut is declared for the user to change, and opens the pause card', async () => {
      await choose({ platforms: ['Google Meet'] });
      const commands = await inExtension<Array<{ name: string; description?: string }>>(h, `async () => (globalThis.browser ?? chrome).commands.getAll()`);
      const mine = commands.find((c) => c.name === 'pause-before-agreeing');
      assert.ok(mine, 'the command is declared, so the browser lists it among shortcuts the user can change');
      const suggested = await inExtension<string>(
        h,
        `async () => (globalThis.browser ?? chrome).runtime.getManifest().commands['pause-before-agreeing'].suggested_key.default`,
      );
      assert.equal(suggested, 'Alt+Shift+P');
      const page = await openCall(platform('meet'));
      // What the background does when the shortcut fires (a browser shortcut cannot be typed into a page):
      // tell the meeting tab to open the pause.
      await toMeetingTab(h, URLS.meet, 'meetingOpenPause');
      await waitForCard(page, h, 'Is this really my choice?');
      await page.close();
    });

    it('Google Meet: the line typed into the after-call card goes to the journal', async () => {
      await choose({ platforms: ['Google Meet'], afterCall: 'every' });
      const page = await openCall(platform('meet'));
      await clickHook(page, 'leave');
      const frame = await waitForCard(page, h, AFTER_CALL);
      await clickInCard(page, frame, '#card-input');
      await page.keyboard.type('Said yes to the extra report; I will ask for a week');
      await page.keyboard.press('Enter');
      await waitFor(async () => (await meetingReflections(h)).some((r) => r.text === 'Said yes to the extra report; I will ask for a week'), {
        message: 'the reflection in the journal',
      });
      const saved = (await meetingReflections(h)).find((r) => r.text === 'Said yes to the extra report; I will ask for a week')!;
      assert.equal(saved.source.kind, 'meeting');
      assert.equal(saved.source.moment, 'after');
      await waitFor(async () => !(await pendingMeeting(h)), { message: 'nothing left to ask' });
      await page.close();

      // Insights sets the lines written after calls against the calls asked about (earlier tests asked too).
      const insights = await openExtensionPage(h, '/insights.html');
      opened.push(insights);
      await insights.waitForSelector('main[data-ready="year"]');
      const said = (await insights.evaluate(`document.querySelector('[data-view="meetings"] .summary').textContent`)) as string;
      const [, asked, share] = said.match(/You were asked “Did I agree to anything I didn't choose\?” after (\d+) calls? and answered (\d+)%\./) ?? [];
      assert.ok(Number(asked) >= 1 && Number(share) > 0, said);
      await insights.click('[data-view="meetings"] button[aria-pressed]');
      const rows = (await insights.evaluate(`[...document.querySelectorAll('[data-view="meetings"] tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim()))`)) as string[][];
      assert.deepEqual(rows.find((r) => r[0] === 'Calls asked about afterwards')?.[1], asked);
      assert.ok(Number(rows.find((r) => r[0] === 'After the call')?.[1]) >= 1, JSON.stringify(rows));
    });

    it('Google Meet: asks in the popup when the call’s tab closed before the user could answer', async () => {
      await choose({ platforms: ['Google Meet'], afterCall: 'every' });
      const page = await openCall(platform('meet'));
      await page.close();
      const popup = await openExtensionPage(h, '/popup.html');
      opened.push(popup);
      await waitFor(() => popup.evaluate(`!!document.querySelector('.after input')`), { message: 'the after-call question in the popup' });
      await waitFor(() => popup.evaluate(`!document.querySelector('textarea').disabled`), { message: 'the journal box to be ready' });
      // Two places to write: each button says what it saves, so none is a second "Save".
      const names = (await popup.evaluate(`[...document.querySelectorAll('button, [role=button], input[type=submit], input[type=button]')]
        .filter((b) => b.checkVisibility())
        .map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? b.value).replace(/\\s+/g, ' ').trim())`)) as string[];
      assert.deepEqual(
        names.filter((n, i) => names.indexOf(n) !== i),
        [],
        `no two visible buttons share a name: ${names.join(' | ')}`,
      );
      assert.ok(names.includes('Save note on the call') && names.includes('Save reflection'), names.join(' | '));
      // The title is the heading; the questions under it are quieter than it.
      const type = (await popup.evaluate(`(() => {
        const of = (el) => ({ size: parseFloat(getComputedStyle(el).fontSize), weight: Number(getComputedStyle(el).fontWeight) });
        return { title: of(document.querySelector('h1')), after: of(document.querySelector('.after p')), prompt: of(document.querySelector('#journal-prompt')) };
      })()`)) as Record<'title' | 'after' | 'prompt', { size: number; weight: number }>;
      for (const question of [type.after, type.prompt]) {
        assert.ok(type.title.size >= 1.25 * question.size, `the title (${type.title.size}px) is clearly larger than a question (${question.size}px)`);
        assert.ok(type.title.weight > question.weight, `the title (${type.title.weight}) is bolder than a question (${question.weight})`);
      }
      await popup.click('.after input');
      await popup.keyboard.type('Nothing I did not choose');
      await popup.keyboard.press('Enter');
      await waitFor(async () => (await meetingReflections(h)).some((r) => r.text === 'Nothing I did not choose'), { message: 'the line in the journal' });
      await waitFor(() => popup.evaluate(`!document.querySelector('.after')`), { message: 'the question to go' });
      await popup.close();
    });

    it('the popup, opened while the Meet call is the active tab, says "Google Meet · in call · microphone off"', async () => {
      await choose({ platforms: ['Google Meet'] });
      const call = await openCall(platform('meet'));
      // A toolbar popup cannot be opened by a test. The popup page is opened as a tab instead; then the
      // meeting tab is brought to the front, and the popup page is reloaded in the background, so its
      // load() asks the browser for the active tab of its window and gets the meeting.
      const popup = await openExtensionPage(h, '/popup.html');
      opened.push(popup);
      await call.bringToFront();
      const active = await popup.evaluate(`(async () => {
        const api = globalThis.browser ?? chrome;
        const [tab] = await api.tabs.query({ active: true, currentWindow: true });
        return tab?.url ?? '';
      })()`);
      assert.equal(active, URLS.meet, 'the meeting tab is the active tab of the popup page’s window');
      await reloadExtensionPage(popup);
      const line = await waitFor(() => popup.evaluate(`document.querySelector('.meeting-reading')?.textContent.trim()`), {
        timeout: 8000,
        message: 'the popup’s line about the meeting tab',
      });
      assert.equal(line, 'Google Meet · in call · microphone off');
      await popup.close();
      await call.close();
    });

    it('Jitsi Meet: a call left through the close page asks there', async () => {
      await choose({ platforms: ['Jitsi Meet'], afterCall: 'every' });
      const page = await openCall(platform('jitsi'));
      assert.doesNotMatch(await cardTexts(page, h), /Did I agree/);
      // What meet.jit.si does with enableClosePage: the tab goes to the close page.
      await page.goto(URLS.jitsiClose, { waitUntil: 'load' });
      assert.equal(await page.evaluate('location.href'), URLS.jitsiClose);
      await waitForCard(page, h, AFTER_CALL);
      assert.equal((await cardState(page)).focused, false);
      await page.close();
    });

    it('a meeting host added on the options page asks for an intention before joining', async () => {
      // A self-hosted Jitsi Meet has no address of its own to borrow: loopback is the one host a test build may add without a prompt.
      const server: FixtureServer = await startFixtureServer({ '/PauseMomentStandup': { file: 'meetings/jitsi-pre-join.html' } });
      try {
        const options = await openExtensionPage(h, '/options.html');
        opened.push(options);
        await optionsLoaded(options);
        await options.click('#meeting-input');
        await options.keyboard.type('127.0.0.1');
        await options.keyboard.press('Enter');
        await waitFor(() => options.evaluate(`document.querySelector('#status-meetings')?.textContent.includes('Added the meeting host 127.0.0.1')`), {
          message: 'the meeting host to be added',
        });
        // A meeting host is listed with the meetings, and never counted among the user's own feed sites.
        await waitFor(
          () => options.evaluate(`[...document.querySelectorAll('li.site')].some((li) => li.dataset.site === 'meeting:127.0.0.1' && !!li.closest('section[aria-labelledby="meetings-title"]'))`),
          { message: 'the meeting host listed with the meetings' },
        );
        assert.doesNotMatch((await options.evaluate(`document.querySelector('section[aria-labelledby="sites-title"]').textContent`)) as string, /of your own/);
        await options.close();
        const page = await h.browser.newPage();
        opened.push(page);
        await page.bringToFront();
        await page.goto(server.url('/PauseMomentStandup'), { waitUntil: 'load' });
        await focusAControl(page);
        const focusBefore = await focusPath(page);
        const frame = await waitForCard(page, h, INTENTION);
        assert.equal((await cardState(page)).focused, false);
        assert.equal(await focusPath(page), focusBefore);
        await clickInCard(page, frame, '#card-input');
        await page.keyboard.type('Agree on the launch date, not on extra scope');
        await page.keyboard.press('Enter');
        await waitFor(async () => (await meetingReflections(h)).some((r) => r.text === 'Agree on the launch date, not on extra scope'), {
          message: 'the intention in the journal',
        });
        const saved = (await meetingReflections(h)).find((r) => r.text === 'Agree on the launch date, not on extra scope')!;
        assert.equal(saved.source.kind, 'meeting');
        assert.equal(saved.source.moment, 'before');
        await waitFor(async () => !(await cardState(page)).present, { message: 'the card to go after saving' });
        await page.close();
      } finally {
        await server.close();
      }
    });

    // Last in this browser: it replaces the extension under the open pages.
    it('an update gives a call its chip back, working, without reloading the call', async () => {
      await choose({ platforms: ['Google Meet'], afterCall: 'every' });
      const page = await openCall(platform('meet'));
      await waitFor(() => page.evaluate(`!!document.querySelector('pause-moment-chip')`), { message: 'the chip' });
      // The page's own marks: one on the call's document, one on the old version's chip.
      await page.evaluate(`window.sameCall = true; document.querySelector('pause-moment-chip').dataset.earlier = '1'`);
      await updateExtension(h, testBuild(kind));
      await waitFor(() => page.evaluate(`document.querySelectorAll('pause-moment-chip').length === 1 && !document.querySelector('pause-moment-chip').dataset.earlier`), {
        timeout: 15_000,
        message: "the new version's chip, alone",
      });
      assert.equal(await page.evaluate('window.sameCall'), true, 'the call was not reloaded');
      const chip = (await page.evaluate(`(() => { const r = document.querySelector('pause-moment-chip').getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`)) as {
        x: number;
        y: number;
      };
      await pointAndClick(page, chip.x, chip.y);
      await waitForCard(page, h, 'Is this really my choice?');
      assert.equal(await page.evaluate(`document.querySelector('[data-fixture="mute"]').getAttribute('data-is-muted')`), 'true', 'the call is as it was');
    });

    // Last in this block: it deletes the settings the tests above build on.
    it('"Delete everything" also takes what a call left: the call waiting for its line, and where the chip was dragged', async () => {
      await choose({ platforms: ['Google Meet'], afterCall: 'every' });
      const page = await openCall(platform('meet'));
      await waitFor(() => page.evaluate(`!!document.querySelector('pause-moment-chip')`), { message: 'the chip' });
      const chip = (await page.evaluate(`(() => { const r = document.querySelector('pause-moment-chip').getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`)) as {
        x: number;
        y: number;
      };
      await page.mouse.move(chip.x, chip.y);
      await page.mouse.down();
      await page.mouse.move(chip.x - 160, chip.y - 120, { steps: 8 });
      await page.mouse.up();
      await waitFor(async () => !!(await extensionStorage(h)).meetingChip, { message: "the chip's new place to be kept" });
      // The tab closes before the line after the call is written: the call waits for it.
      await page.close();
      assert.ok(await pendingMeeting(h), 'the call waits for its line');

      const options = await openExtensionPage(h, '/options.html');
      opened.push(options);
      const ask = `[...document.querySelectorAll('.data button')].find((b) => b.textContent.trim() === 'Delete everything…')`;
      await waitFor(() => options.evaluate(`!!${ask} && !${ask}.disabled`), { message: 'the data panel' });
      await options.evaluate(`${ask}.click()`);
      await waitFor(() => options.evaluate(`!!document.querySelector('.confirm')`), { message: 'the question' });
      await options.evaluate(`[...document.querySelectorAll('.confirm button')].find((b) => b.textContent.trim() === 'Delete everything').click()`);
      await waitFor(() => options.evaluate(`document.querySelector('.data [role=status]').textContent.includes('Everything was deleted.')`), { message: 'the delete' });
      assert.deepEqual(Object.keys(await extensionStorage(h)), ['settings$'], "nothing is kept but the settings' version mark");

      // The popup has nothing left to ask about.
      const popup = await openExtensionPage(h, '/popup.html');
      opened.push(popup);
      await waitFor(() => popup.evaluate(`!!document.querySelector('textarea') && !document.querySelector('textarea').disabled`), { message: 'the popup' });
      assert.equal(await popup.evaluate(`!!document.querySelector('.after')`), false, 'no question about the deleted call');
    });
  });
}
