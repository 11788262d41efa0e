import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it, type TestContext } from 'node:test';
import type { CDPSession, Frame, Page } from 'puppeteer-core';
import {
  launch,
  openExtensionPage,
  startFixtureServer,
  startHostedSites,
  waitFor,
  waitForExtensionFrame,
  type BrowserKind,
  type FixtureServer,
  type Harness,
  type HostedSites,
} from './harness/index.ts';
import {
  ForegroundTabs,
  clearWindows,
  clickInPause,
  pauseButtonEnabled,
  pauseRecords,
  setWaitInOptions,
  storedSites,
  testBuild,
  turnOffLongerWaits,
  waitForNoPause,
  waitForPause,
  waitForRegistered,
} from './pause-driver.ts';

/**
 * Accessibility held by tests, in Chromium and Firefox: axe-core finds
 * nothing on the popup, the options page, every step of the pause and a
 * meeting card, in the light and the dark theme; the pages work with the
 * keyboard alone, with a visible focus ring at every stop; and with reduced
 * motion nothing moves.
 *
 * One browser per kind, its tests run in order and share it: the first adds
 * the site the others pause on. Firefox reads the colour scheme and reduced
 * motion from prefs at launch only (see `needs`), so the tests that want them
 * come last and Firefox is started once more for them, on the same profile.
 */

/** axe-core's browser bundle, evaluated in each document it checks. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SITE = '127.0.0.1';
const SITE_ID = `site:${SITE}`;
/** The pause's wait: long enough for axe to look at the first step while it runs, short enough to wait out. */
const WAIT_SECONDS = 3;
const MEET = 'https://meet.google.com/abc-defg-hij';
/** The start of the intention card's question before joining. */
const MEET_CARD = 'What do I want from this meeting?';

/** The colour scheme and motion a document is shown with. */
interface Look {
  scheme: 'light' | 'dark';
  motion: 'no-preference' | 'reduce';
}
const LIGHT: Look = { scheme: 'light', motion: 'no-preference' };
/** The second half of the suite: dark, and still (Firefox gets both from one launch). */
const DARK_STILL: Look = { scheme: 'dark', motion: 'reduce' };

/**
 * Firefox prefs for a look. WebDriver BiDi has no media emulation in Firefox
 * ESR 140 and puppeteer's `emulateMediaFeatures` needs CDP there ("CDP
 * support is required", puppeteer issue #6323; w3c/webdriver-bidi#750), so
 * Firefox is told at launch, as a user would set it:
 * - `layout.css.prefers-color-scheme.content-override` is what pages are told
 *   (MDN, browserSettings.overrideContentColorScheme, which sets this pref;
 *   Firefox's ext-browserSettings.js reads 0 as dark and 1 as light);
 * - `ui.prefersReducedMotion` = 1 makes `prefers-reduced-motion` match
 *   `reduce` (MDN, prefers-reduced-motion, "User preferences").
 */
function firefoxLook(look: Look): Record<string, unknown> {
  return {
    'layout.css.prefers-color-scheme.content-override': look.scheme === 'dark' ? 0 : 1,
    'ui.prefersReducedMotion': look.motion === 'reduce' ? 1 : 0,
  };
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeRule {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core over one document (a page's, or a frame's on its own) and
 * fails on any violation, whatever its impact, naming each rule, its impact
 * and the selectors it points at; what axe leaves for a person to review
 * ("incomplete") is printed.
 *
 * Getting axe in: an extension page's CSP (`script-src 'self'`) refuses an
 * inline script, so `addScriptTag({ content })` resolves but its script never
 * runs, in both browsers. Evaluating the source as a string through the
 * protocol does run it, in the document's own realm: Chromium's
 * Runtime.evaluate and Firefox's BiDi script.evaluate are not inline scripts.
 * What CSP still forbids there is string evaluation (`eval`, `new Function`)
 * by the evaluated code once it runs (Firefox bug 1941780; Chromium lifts it
 * only for the synchronous part, Runtime.evaluate's
 * `allowUnsafeEvalBlockedByCSP`), and axe 4 needs none of it to check a page
 * and word its findings.
 */
async function expectNoViolations(t: TestContext, where: Page | Frame, what: string, look: Look): Promise<void> {
  if (!(await where.evaluate(`typeof window.axe === 'object'`))) await where.evaluate(AXE_SOURCE);
  const out = JSON.parse(
    (await where.evaluate(`(async () => {
      const shown = { scheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
        motion: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'reduce' : 'no-preference' };
      const r = await axe.run(document, { resultTypes: ['violations', 'incomplete'] });
      const rules = (list) => list.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
      return JSON.stringify({ shown, violations: rules(r.violations), incomplete: rules(r.incomplete) });
    })()`)) as string,
  ) as { shown: Look; violations: AxeRule[]; incomplete: AxeRule[] };
  const shownAs = `${what} (${look.scheme}${look.motion === 'reduce' ? ', reduced motion' : ''})`;
  assert.deepEqual(out.shown, look, `${shownAs}: the document is shown as asked`);
  const list = (rules: AxeRule[]) =>
    rules
      .map((v) => `- ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`).join('\n')}`)
      .join('\n');
  if (out.incomplete.length) t.diagnostic(`${shownAs}: axe asks for a review of\n${list(out.incomplete)}`);
  if (out.violations.length) assert.fail(`${shownAs}: ${out.violations.length} axe violation(s)\n${list(out.violations)}`);
}

/**
 * What has focus in a document and how it shows it: the focused element must
 * match :focus-visible and it, or a wrapper up to three levels up that draws
 * the ring for it (a chip's label around its radio), must have an outline or
 * a box shadow, on a box big enough to see and not clipped away.
 */
const FOCUS_PROBE = `(() => {
  const el = document.activeElement;
  const name = (e) => e.localName + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
    + (e.getAttribute('type') ? '[type=' + e.getAttribute('type') + ']' : '') + (e.textContent.trim() ? ' "' + e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) + '"' : '');
  if (!el || el === document.body || el === document.documentElement) return { focused: false, element: el ? el.localName : 'none', hasFocus: document.hasFocus() };
  const ring = (e) => {
    const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    if (r.width < 4 || r.height < 4 || s.visibility !== 'visible' || (s.clip && s.clip !== 'auto')) return '';
    const transparent = (c) => c === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(c);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !transparent(s.outlineColor)) return 'outline ' + s.outlineWidth + ' ' + s.outlineStyle + ' ' + s.outlineColor;
    if (s.boxShadow && s.boxShadow !== 'none') return 'box-shadow ' + s.boxShadow;
    return '';
  };
  let by = '', on = '';
  for (let e = el, i = 0; e && i < 4 && !by; e = e.parentElement, i++) { by = ring(e); on = by ? name(e) : ''; }
  return { focused: true, element: name(el), hasFocus: document.hasFocus(), visible: el.matches(':focus-visible'), ring: by, on };
})()`;

interface FocusSeen {
  focused: boolean;
  element: string;
  hasFocus: boolean;
  visible?: boolean;
  ring?: string;
  on?: string;
}

/** Asserts that `doc` has something focused, shown with a visible focus indicator; returns what. */
async function expectFocusShown(doc: Page | Frame, where: string): Promise<FocusSeen> {
  const seen = (await doc.evaluate(FOCUS_PROBE)) as FocusSeen;
  assert.ok(seen.focused && seen.hasFocus, `${where}: something has focus (${JSON.stringify(seen)})`);
  assert.ok(seen.visible && seen.ring, `${where}: ${seen.element} shows a focus indicator (${JSON.stringify(seen)})`);
  return seen;
}

/**
 * Presses Tab (Shift+Tab with `back`) on `page` until `doc`'s focused element
 * matches `want` (an expression on `el`, the focused element), checking the
 * focus indicator at every stop on the way. Fails after `max` presses with the
 * stops seen.
 */
async function tabTo(page: Page, doc: Page | Frame, want: string, what: string, { back = false, max = 40 } = {}): Promise<void> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    if (back) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (back) await page.keyboard.up('Shift');
    const seen = await expectFocusShown(doc, `Tab stop ${i + 1} on the way to ${what}`);
    stops.push(seen.element);
    if (await doc.evaluate(`(() => { const el = document.activeElement; return !!el && !!(${want}); })()`)) return;
  }
  assert.fail(`${what} was not reached in ${max} Tab presses; stops: ${stops.join(' → ')}`);
}

/** Presses a key; the key may close or move the page before it comes back up (Leave does), and that is all right. */
async function pressMaybeLeaving(page: Page, key: 'Enter' | ' '): Promise<void> {
  await page.keyboard.press(key).catch((error: Error) => {
    if (!/no longer exist|Target closed|Session closed|No target|detached/i.test(error.message)) throw error;
  });
}

/** The texts of the reflections the popup lists, newest first. */
function listedTexts(popup: Page): Promise<string[]> {
  return popup.evaluate(`[...document.querySelectorAll('.journal .item .text')].map((p) => p.textContent)`) as Promise<string[]>;
}

/** Opens the popup page in a tab in front, and waits for its journal box. */
async function openPopup(h: Harness): Promise<Page> {
  const popup = await openExtensionPage(h, '/popup.html');
  await popup.bringToFront();
  await waitFor(() => popup.evaluate(`!!document.querySelector('textarea') && !document.querySelector('textarea').disabled`), {
    message: 'the journal box to be ready',
  });
  return popup;
}

/** Opens the options page in a tab in front, and waits until it has read the settings. */
async function openOptions(h: Harness): Promise<Page> {
  const options = await openExtensionPage(h, '/options.html');
  await options.bringToFront();
  await waitFor(() => options.evaluate(`!!document.querySelector('form.add button') && !document.querySelector('form.add button').disabled`), {
    message: 'the options page to load',
  });
  return options;
}

/**
 * Waits until a document's transitions and finite animations have ended (the
 * pause fades in): axe measures contrast through the opacity it sees.
 */
function settled(doc: Page | Frame): Promise<unknown> {
  return waitFor(
    () => doc.evaluate(`document.getAnimations().every((a) => a.playState === 'finished' || a.effect?.getComputedTiming().endTime === Infinity)`),
    { message: 'the document to settle' },
  );
}

/** Every animation or transition that moves in a document: running, with a length above zero. */
const MOVING = `document.getAnimations().filter((a) => a.playState !== 'finished' && (a.effect?.getComputedTiming().activeDuration ?? 0) > 0)
  .map((a) => (a.animationName ?? a.transitionProperty ?? a.constructor.name) + ' on ' + (a.effect?.target?.className ?? a.effect?.target?.localName))`;

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`accessibility, in ${kind}`, { timeout: 240_000 }, () => {
    let h: Harness;
    let server: FixtureServer;
    let sites: HostedSites;
    let profile: string;
    /** What the running browser was started with (Firefox) or shows by default (Chromium). */
    let launched: Look = LIGHT;
    const tabs = new ForegroundTabs(() => h);

    async function start(look: Look): Promise<void> {
      await h?.close();
      h = await launch(kind, testBuild(kind), { userDataDir: profile, hostedSites: sites, firefoxPrefs: kind === 'firefox' ? firefoxLook(look) : undefined });
      launched = look;
    }

    /** Makes the browser able to show `look`: Firefox is started again with it when it runs with another (see firefoxLook). */
    async function needs(look: Look): Promise<void> {
      if (kind === 'chromium' || (launched.scheme === look.scheme && launched.motion === look.motion)) return;
      await tabs.closeAll();
      await start(look);
      // The extension's pause is registered again by its background when Firefox starts it anew.
      await waitForRegistered(h, `*://${SITE}/*`);
    }

    /**
     * Shows `page` with `look`. Chromium: puppeteer's emulateMediaFeatures
     * (CDP Emulation.setEmulatedMedia) on the tab; Firefox: the launch
     * already did it (`needs`).
     */
    async function look(page: Page, want: Look): Promise<void> {
      if (kind === 'chromium') {
        await page.emulateMediaFeatures([
          { name: 'prefers-color-scheme', value: want.scheme },
          { name: 'prefers-reduced-motion', value: want.motion },
        ]);
      } else {
        assert.deepEqual(launched, want, 'Firefox was started with this look');
      }
    }

    /**
     * Shows an extension frame in a page with `look`. Chromium: the pause and
     * the card run in processes of their own, and puppeteer hands the tab's
     * emulation on to prerendered targets only (CdpPage#onSecondaryTarget),
     * not to such frames: the frame's colour scheme follows its iframe's
     * `color-scheme: light dark` (Chromium gives a frame the used color-scheme
     * of its embedding element, crrev.com/c/5785966), but reduced motion never
     * reaches it. So the frame is told the same through its own CDP session.
     * Every check reads the frame's own matchMedia.
     */
    async function lookFrame(frame: Frame, want: Look): Promise<void> {
      if (kind !== 'chromium') return;
      const client = (frame as unknown as { client?: CDPSession }).client;
      if (!client) throw new Error('puppeteer internals changed: CdpFrame.client is missing');
      await client.send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'prefers-color-scheme', value: want.scheme },
          { name: 'prefers-reduced-motion', value: want.motion },
        ],
      });
    }

    /** Opens the fixture feed on the chosen site in a new tab in front, shown with `want`, and returns it with its pause. */
    async function pauseTab(want: Look, from?: string): Promise<{ page: Page; frame: Frame }> {
      const page = await h.browser.newPage();
      tabs.keep(page);
      await look(page, want);
      await page.bringToFront();
      if (from) await page.goto(from, { waitUntil: 'domcontentloaded' });
      await page.goto(server.url('/feed.html'), { waitUntil: 'domcontentloaded' });
      const frame = await waitForPause(page, h);
      await lookFrame(frame, want);
      return { page, frame };
    }

    /** Waits until the pause has given focus to Leave, its first control. */
    function leaveFocused(frame: Frame): Promise<unknown> {
      return waitFor(() => frame.evaluate(`document.hasFocus() && document.activeElement?.textContent.trim() === 'Leave'`), { message: 'Leave to have focus' });
    }

    /** Ticks Google Meet under "Web meetings" on the options page (a real click), so its pre-join page gets the intention card. */
    async function turnOnMeet(): Promise<void> {
      const options = await openOptions(h);
      try {
        const items = `section[aria-labelledby="meetings-title"] ul.presets > li`;
        const index = (await options.evaluate(
          `[...document.querySelectorAll(${JSON.stringify(items)})].findIndex((li) => li.querySelector('label.preset span')?.textContent.trim() === 'Google Meet')`,
        )) as number;
        assert.ok(index >= 0, 'the options page lists Google Meet');
        await options.click(`${items}:nth-child(${index + 1}) label.preset input[type=checkbox]`);
        await waitFor(() => options.evaluate(`document.querySelector('#status-meetings')?.textContent.includes('Google Meet is on.') ?? false`), {
          timeout: 8000,
          message: 'the options page to say "Google Meet is on."',
        });
      } finally {
        await options.close();
      }
    }

    /**
     * axe on every step of the pause: the question while the wait runs, the
     * question once Continue is open, and the Continue step (length and
     * intention), reached by waiting the wait out and pressing Continue.
     */
    async function checkPause(t: TestContext, want: Look): Promise<void> {
      const { page, frame } = await pauseTab(want);
      await settled(frame);
      const waiting = (await frame.evaluate(`document.querySelector('#wait-note').textContent.trim()`)) as string;
      assert.match(waiting, /Continue opens in \d+ s/, 'the wait is still running when axe looks');
      await expectNoViolations(t, frame, 'the pause, while it waits', want);
      await waitFor(() => pauseButtonEnabled(frame, 'Continue'), { timeout: (WAIT_SECONDS + 5) * 1000, message: 'Continue to open after the wait' });
      await expectNoViolations(t, frame, 'the pause, Continue open', want);
      await clickInPause(page, frame, 'Continue');
      await waitFor(() => frame.evaluate(`!!document.querySelector('form.continue input[type=text]')`), { message: 'the Continue step' });
      await settled(frame);
      await expectNoViolations(t, frame, 'the pause, choosing how long and why', want);
      await page.close();
    }

    /** axe inside the meeting card's own frame, on Google Meet's pre-join page. */
    async function checkMeetingCard(t: TestContext, want: Look): Promise<void> {
      const page = await h.browser.newPage();
      tabs.keep(page);
      await look(page, want);
      await page.bringToFront();
      await page.goto(MEET, { waitUntil: 'load' });
      const card = await waitForExtensionFrame(page, h, '/meeting-card.html', { timeout: 10_000 });
      await waitFor(() => card.evaluate(`document.querySelector('h1')?.textContent.trim().startsWith(${JSON.stringify(MEET_CARD)}) ?? false`), { message: 'the intention card' });
      await lookFrame(card, want);
      await settled(card);
      await expectNoViolations(t, card, 'the meeting card before joining', want);
    }

    before(async () => {
      server = await startFixtureServer();
      sites = await startHostedSites({ [MEET]: { file: 'meetings/meet-pre-join.html' } });
      profile = await mkdtemp(join(tmpdir(), `pause-moment-a11y-${kind}-`));
      await start(LIGHT);
    });
    afterEach(async () => {
      await tabs.closeAll();
    });
    after(async () => {
      await h?.close();
      await sites?.close();
      await server?.close();
      await rm(profile, { recursive: true, force: true });
    });

    it('options page, keyboard alone: Tab to the site field, type a site, Tab to Add, Enter', async () => {
      const options = await openOptions(h);
      tabs.keep(options);
      await tabTo(options, options, `el.id === 'site-input'`, 'the site field');
      await options.keyboard.type(SITE);
      await tabTo(options, options, `el.matches('form.add button[type=submit]')`, 'Add');
      await options.keyboard.press('Enter');
      await waitFor(() => options.evaluate(`document.querySelector('#status-add').textContent.includes('Added ${SITE}')`), { message: 'the site to be added' });
      await expectFocusShown(options, 'after adding');
      assert.deepEqual((await storedSites(h)).map((s) => s.id), [SITE_ID]);
      await options.close();
      // For the tests after this one: a short wait that stays short, and a meeting platform.
      await setWaitInOptions(h, SITE_ID, WAIT_SECONDS);
      await turnOffLongerWaits(h);
      await turnOnMeet();
    });

    it('axe, light: the popup with a reflection, the options page with a site, every step of the pause, a meeting card', async (t) => {
      await needs(LIGHT);
      const popup = await openPopup(h);
      tabs.keep(popup);
      await look(popup, LIGHT);
      await popup.keyboard.type('Chose a walk over the feed. #calm');
      await popup.keyboard.down('Control');
      await popup.keyboard.press('Enter');
      await popup.keyboard.up('Control');
      await waitFor(async () => (await listedTexts(popup)).length > 0, { message: 'the reflection to be listed' });
      await settled(popup);
      await expectNoViolations(t, popup, 'the popup', LIGHT);

      const options = await openOptions(h);
      tabs.keep(options);
      await look(options, LIGHT);
      await waitFor(() => options.evaluate(`!!document.querySelector('[data-site="${SITE_ID}"]')`), { message: 'the site in the list' });
      await expectNoViolations(t, options, 'the options page', LIGHT);

      await checkPause(t, LIGHT);
      await checkMeetingCard(t, LIGHT);
    });

    it('popup, keyboard alone: write a reflection and save it, find it with search, delete it', async () => {
      const text = 'Kept the evening free for a long walk.';
      const popup = await openPopup(h);
      tabs.keep(popup);
      await waitFor(() => popup.evaluate(`document.activeElement === document.querySelector('textarea')`), { message: 'the popup to open onto the journal box' });
      await popup.keyboard.type(text);
      await tabTo(popup, popup, `el.textContent.trim() === 'Save reflection'`, 'Save reflection');
      await popup.keyboard.press(' ');
      await waitFor(async () => (await listedTexts(popup)).includes(text), { message: 'the reflection to be listed' });
      await tabTo(popup, popup, `el.matches('input[type=search]')`, 'the search field');
      await popup.keyboard.type('evening WALK');
      await waitFor(async () => (await listedTexts(popup)).join('|') === text, { message: 'the search to find it alone' });
      await tabTo(popup, popup, `el.matches('.journal .item .danger')`, 'its Delete');
      await popup.keyboard.press('Enter');
      await waitFor(() => popup.evaluate(`document.activeElement?.textContent.trim() === 'Undo'`), { message: 'focus to move to Undo' });
      assert.deepEqual(await listedTexts(popup), [], 'the reflection is gone');
      await expectFocusShown(popup, 'Undo, after deleting');
    });

    it('the pause, keyboard alone: Tab around it and Leave', async () => {
      const { page, frame } = await pauseTab(LIGHT, `${server.altOrigin}/elsewhere.html`);
      await leaveFocused(frame);
      // Around the card and back: the note, Continue once its wait is over, and Leave again.
      await tabTo(page, frame, `el.id === 'pause-note'`, 'the note');
      await tabTo(page, frame, `el.textContent.trim() === 'Leave'`, 'Leave');
      await pressMaybeLeaving(page, 'Enter');
      await waitFor(() => page.url().startsWith(server.altOrigin), { message: 'the tab to go back where it came from' });
      assert.equal((await pauseRecords(h)).at(-1)?.choice, 'leave');
    });

    it('the pause, keyboard alone: wait, Continue, choose a length with the arrows, say why, confirm', async () => {
      const { page, frame } = await pauseTab(LIGHT);
      await leaveFocused(frame);
      await waitFor(() => pauseButtonEnabled(frame, 'Continue'), { timeout: (WAIT_SECONDS + 5) * 1000, message: 'Continue to open after the wait' });
      await tabTo(page, frame, `el.textContent.trim() === 'Continue'`, 'Continue');
      await page.keyboard.press('Enter');
      await waitFor(() => frame.evaluate(`document.activeElement?.matches('form.continue input[type=radio]') ?? false`), { message: 'focus on the first length' });
      await expectFocusShown(frame, 'the first length');
      await page.keyboard.press('ArrowRight');
      await waitFor(() => frame.evaluate(`document.activeElement?.value === '15' && document.activeElement.checked`), { message: 'the arrow to choose 15 min' });
      await expectFocusShown(frame, '15 min');
      await tabTo(page, frame, `el.matches('form.continue input[type=text]')`, 'what I came for');
      await page.keyboard.type('read one thread');
      await tabTo(page, frame, `el.matches('form.continue button[type=submit]')`, 'Continue for 15 min');
      assert.equal(await frame.evaluate(`document.activeElement.textContent.trim()`), 'Continue for 15 min');
      await pressMaybeLeaving(page, 'Enter');
      await waitForNoPause(page);
      const record = (await pauseRecords(h)).at(-1);
      assert.equal(record?.choice, 'continue');
      assert.equal(record?.windowMinutes, 15);
      assert.equal(record?.intention, 'read one thread');
      // The next tests pause on the site again.
      await clearWindows(h);
    });

    it('axe, dark (with reduced motion): the popup, the options page, every step of the pause, a meeting card', async (t) => {
      await needs(DARK_STILL);
      const popup = await openPopup(h);
      tabs.keep(popup);
      await look(popup, DARK_STILL);
      await waitFor(async () => (await listedTexts(popup)).length > 0, { message: 'the reflection written earlier to be listed' });
      await expectNoViolations(t, popup, 'the popup', DARK_STILL);

      const options = await openOptions(h);
      tabs.keep(options);
      await look(options, DARK_STILL);
      await waitFor(() => options.evaluate(`!!document.querySelector('[data-site="${SITE_ID}"]')`), { message: 'the site in the list' });
      await expectNoViolations(t, options, 'the options page', DARK_STILL);

      await checkPause(t, DARK_STILL);
      await checkMeetingCard(t, DARK_STILL);
    });

    it('reduced motion: nothing moves in the popup or the pause, and the breath keeps still', async () => {
      await needs(DARK_STILL);
      const popup = await openPopup(h);
      tabs.keep(popup);
      await look(popup, DARK_STILL);
      assert.equal(await popup.evaluate(`matchMedia('(prefers-reduced-motion: reduce)').matches`), true, 'the popup is told to reduce motion');
      assert.deepEqual(await popup.evaluate(MOVING), [], 'nothing moves in the popup');

      const { frame } = await pauseTab(DARK_STILL);
      if (kind === 'chromium') {
        // The frame was told after it had started drawing (see lookFrame): load it again, so it starts out still as it would for a person who prefers that.
        await frame.evaluate(`window.beforeReload = true`);
        await frame.evaluate(`location.reload()`).catch(() => undefined);
        await waitFor(() => frame.evaluate(`document.readyState === 'complete' && !window.beforeReload && !!document.querySelector('h1')`), { message: 'the pause page to load again' });
      }
      assert.equal(await frame.evaluate(`matchMedia('(prefers-reduced-motion: reduce)').matches`), true, 'the pause is told to reduce motion');
      await waitFor(() => frame.evaluate(`document.querySelector('main.pause.ready') !== null`), { message: 'the pause card to show' });
      assert.deepEqual(await frame.evaluate(MOVING), [], 'nothing moves in the pause');
      const breath = (await frame.evaluate(`(() => {
        const s = getComputedStyle(document.querySelector('.breath .circle'));
        const card = getComputedStyle(document.querySelector('main.pause'));
        return { animationName: s.animationName, animationDuration: s.animationDuration, transitionDuration: s.transitionDuration, cardTransition: card.transitionDuration };
      })()`)) as Record<string, string>;
      assert.deepEqual(breath, { animationName: 'none', animationDuration: '0s', transitionDuration: '0s', cardTransition: '0s' }, 'the breath and the card keep still');
    });
  });
}
