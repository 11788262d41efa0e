import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'puppeteer-core';
import {
  extensionStorage,
  FIXTURES_DIR,
  launch,
  openExtensionPage,
  readIndexedDb,
  startFixtureServer,
  waitFor,
  waitForExtensionFrame,
  type BrowserKind,
  type FixtureServer,
  type Harness,
} from './harness/index.ts';
import { inExtension, pointAndClick, testBuild } from './pause-driver.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fixture = (name: string) => ({ body: readFileSync(resolve(FIXTURES_DIR, 'meetings', name)) });

/** The meeting fixtures, served under one path per platform so each can be a meeting site of its own. */
const ROUTES = {
  '/meet/pre-join': fixture('meet-pre-join.html'),
  '/meet/call': fixture('meet-in-call-muted.html'),
  '/jitsi/pre-join': fixture('jitsi-pre-join.html'),
};

/** Whether the card is on the page, and whether it sits over any of the call's controls. */
function cardState(page: Page): Promise<{ present: boolean; coversControls: boolean; focused: boolean }> {
  return page.evaluate(`(() => {
    const card = document.querySelector('pause-moment-card');
    const controls = [...document.querySelectorAll('.fixture-bar button, [id^="fixture-"]')];
    const coversControls = controls.some((c) => {
      const r = c.getBoundingClientRect();
      return r.width > 0 && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === card;
    });
    return { present: !!card, coversControls, focused: document.activeElement === card };
  })()`) as Promise<{ present: boolean; coversControls: boolean; focused: boolean }>;
}

/** Real mouse click on a page element. */
async function clickOn(page: Page, selector: string): Promise<void> {
  const box = (await page.evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`)) as {
    x: number;
    y: number;
  };
  await page.mouse.click(box.x, box.y);
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

async function meetingReflections(h: Harness): Promise<Array<{ text: string; source: { kind: string; moment: string; platform: string } }>> {
  return (await readIndexedDb(h, 'pause-moment-journal', 'reflections')) as Array<{ text: string; source: { kind: string; moment: string; platform: string } }>;
}

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`pausing before agreeing in web meetings, in ${kind}`, { timeout: 240_000 }, () => {
    let h: Harness;
    let server: FixtureServer;

    async function openMeeting(path: string): Promise<Page> {
      const page = await h.browser.newPage();
      await page.bringToFront();
      await page.goto(server.altOrigin + path, { waitUntil: 'load' });
      return page;
    }

    before(async () => {
      server = await startFixtureServer(ROUTES);
      h = await launch(kind, testBuild(kind));
      // Google Meet's preset, pointed at the fixture (a test cannot grant meet.google.com).
      await inExtension(
        h,
        `async () => {
          const api = globalThis.browser ?? chrome;
          await api.storage.local.set({ settings: { meetings: { unmuteCard: false }, sites: [
            { id: 'meet', label: 'Google Meet', patterns: ['localhost/meet'], presetId: 'meet', kind: 'meeting', enabled: true, waitSeconds: 5, windowMinutes: 15 },
          ] } });
        }`,
      );
    });
    after(async () => {
      await h?.close();
      await server?.close();
    });

    it('adds another meeting host from the options page, and asks for an intention before joining without taking focus', async () => {
      const options = await openExtensionPage(h, '/options.html');
      await waitFor(() => options.evaluate(`!document.querySelector('form.add button').disabled`), { message: 'the options page' });
      await options.focus('#meeting-input');
      await options.keyboard.type('127.0.0.1');
      await options.keyboard.press('Enter');
      await waitFor(() => options.evaluate(`document.querySelector('.status').textContent.includes('Added the meeting host 127.0.0.1')`), {
        message: 'the meeting host to be added',
      });
      await options.close();
      const page = await h.browser.newPage();
      await page.bringToFront();
      await page.goto(server.url('/jitsi/pre-join'), { waitUntil: 'load' });
      await page.focus('input, button');
      const before = (await page.evaluate('document.activeElement?.outerHTML')) as string;
      const frame = await waitForExtensionFrame(page, h, '/meeting-card.html', { timeout: 8000 });
      await waitFor(() => frame.evaluate(`document.body.innerText.includes('What do I want from this meeting?')`), { message: 'the intention card' });
      const state = await cardState(page);
      assert.equal(state.present, true);
      assert.equal(state.focused, false, 'the card did not take focus');
      assert.equal(await page.evaluate('document.activeElement?.outerHTML'), before, 'focus stayed where the user had it');
      assert.equal(state.coversControls, false);
      await clickInCard(page, frame, '#card-input');
      await page.keyboard.type('Agree on the launch date, not on extra scope');
      await page.keyboard.press('Enter');
      await waitFor(async () => (await meetingReflections(h)).some((r) => r.source.moment === 'before'), { message: 'the intention in the journal' });
      const saved = (await meetingReflections(h)).find((r) => r.source.moment === 'before')!;
      assert.equal(saved.text, 'Agree on the launch date, not on extra scope');
      assert.equal(saved.source.kind, 'meeting');
      await waitFor(async () => !(await cardState(page)).present, { message: 'the card to go after saving' });
      await page.close();
    });

    it('the chip opens the pause; the call stays usable and uncovered; the card closes itself after a breath', async () => {
      const page = await openMeeting('/meet/call');
      const chip = await waitFor(() => page.evaluate(`!!document.querySelector('pause-moment-chip')`), { message: 'the chip' });
      assert.ok(chip);
      await clickOn(page, 'pause-moment-chip');
      const frame = await waitForExtensionFrame(page, h, '/meeting-card.html', { timeout: 8000 });
      await waitFor(() => frame.evaluate(`document.body.innerText.includes('Is this really my choice?')`), { message: 'the pause card' });
      await waitFor(() => frame.evaluate(`document.hasFocus() && document.activeElement?.id === 'card-input'`), {
        message: 'the summoned card to take focus',
      });
      const state = await cardState(page);
      assert.equal(state.coversControls, false, 'no call control is under the card');
      // The meeting's own controls still work, with the card up.
      assert.equal(await page.evaluate(`document.querySelector('#fixture-mute').getAttribute('data-is-muted')`), 'true');
      await clickOn(page, '#fixture-mute');
      assert.equal(await page.evaluate(`document.querySelector('#fixture-mute').getAttribute('data-is-muted')`), 'false', 'unmute worked');
      await clickOn(page, '#fixture-mute');
      assert.equal(await page.evaluate(`document.querySelector('#fixture-mute').getAttribute('data-is-muted')`), 'true');
      assert.equal((await cardState(page)).present, true, 'clicking the call does not dismiss a card the user is using');
      // Left alone, it goes after one breath.
      await page.evaluate(`document.querySelector('#fixture-camera').focus()`);
      await waitFor(async () => !(await cardState(page)).present, { timeout: 12_000, message: 'the card to close itself' });
      await page.close();
    });

    it('the keyboard shortcut is declared for the user to change, and opens the pause card', async () => {
      const commands = await inExtension<Array<{ name: string; description?: string }>>(h, `async () => (globalThis.browser ?? chrome).commands.getAll()`);
      const mine = commands.find((c) => c.name === 'pause-before-agreeing');
      assert.ok(mine, 'the command is declared, so the browser lists it among shortcuts the user can change');
      const suggested = await inExtension<string>(
        h,
        `async () => (globalThis.browser ?? chrome).runtime.getManifest().commands['pause-before-agreeing'].suggested_key.default`,
      );
      assert.equal(suggested, 'Alt+Shift+P');
      const page = await openMeeting('/meet/call');
      await sleep(500);
      // What the background does when the shortcut fires: tell the active tab to open the pause.
      await inExtension(
        h,
        `async (url) => {
          const api = globalThis.browser ?? chrome;
          const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith(url));
          await api.tabs.sendMessage(tab.id, { id: 1, type: 'meetingOpenPause', timestamp: Date.now() }, { frameId: 0 });
        }`,
        server.altOrigin + '/meet/call',
      );
      const frame = await waitForExtensionFrame(page, h, '/meeting-card.html', { timeout: 8000 });
      await waitFor(() => frame.evaluate(`document.body.innerText.includes('Is this really my choice?')`), { message: 'the pause card' });
      await page.close();
    });

    it('the unmute card shows only when turned on, and never holds the unmute back', async () => {
      const page = await openMeeting('/meet/call');
      await sleep(1500);
      await clickOn(page, '#fixture-mute');
      assert.equal(await page.evaluate(`document.querySelector('#fixture-mute').getAttribute('data-is-muted')`), 'false');
      await sleep(2000);
      assert.equal((await cardState(page)).present, false, 'off by default');
      const options = await openExtensionPage(h, '/options.html');
      await waitFor(() => options.evaluate(`!document.querySelector('.option input').disabled`));
      await options.evaluate(`document.querySelector('.option input').click()`);
      await waitFor(async () => ((await extensionStorage(h)).settings as { meetings: { unmuteCard: boolean } }).meetings.unmuteCard, {
        message: 'the setting to be saved',
      });
      await options.close();
      await page.bringToFront();
      await clickOn(page, '#fixture-mute');
      await sleep(1500);
      await clickOn(page, '#fixture-mute');
      assert.equal(await page.evaluate(`document.querySelector('#fixture-mute').getAttribute('data-is-muted')`), 'false', 'unmuted at once');
      const frame = await waitForExtensionFrame(page, h, '/meeting-card.html', { timeout: 5000 });
      await waitFor(() => frame.evaluate(`document.body.innerText.includes('A breath before speaking.')`), { message: 'the unmute card' });
      assert.equal((await cardState(page)).focused, false, 'it does not take focus');
      await waitFor(async () => !(await cardState(page)).present, { timeout: 8000, message: 'the unmute card to go by itself' });
      await page.close();
    });

    it('asks for a line after the call, and keeps it in the journal', async () => {
      // Start from no pending call, so what is awaited below is this page noticing its own call.
      await inExtension(h, `async () => { await (globalThis.browser ?? chrome).storage.local.remove('pendingMeeting'); }`);
      const page = await openMeeting('/meet/call');
      await waitFor(async () => !!(await extensionStorage(h)).pendingMeeting, { timeout: 6000, message: 'the call to be noticed' });
      await clickOn(page, '#fixture-leave');
      const frame = await waitForExtensionFrame(page, h, '/meeting-card.html', { timeout: 8000 });
      await waitFor(() => frame.evaluate(`document.body.innerText.includes("Did I agree to anything I didn't choose?")`), { message: 'the after-call card' });
      await clickInCard(page, frame, '#card-input');
      await page.keyboard.type('Said yes to the extra report; I will ask for a week');
      await page.keyboard.press('Enter');
      await waitFor(async () => (await meetingReflections(h)).some((r) => r.source.moment === 'after'), { message: 'the reflection in the journal' });
      await waitFor(async () => !(await extensionStorage(h)).pendingMeeting, { message: 'nothing left to ask' });
      await page.close();
    });

    it('asks in the popup when the call’s tab closed before the user could answer', async () => {
      // Start from no pending call, so what is awaited below is this page noticing its own call.
      await inExtension(h, `async () => { await (globalThis.browser ?? chrome).storage.local.remove('pendingMeeting'); }`);
      const page = await openMeeting('/meet/call');
      await waitFor(async () => !!(await extensionStorage(h)).pendingMeeting, { timeout: 6000, message: 'the call to be noticed' });
      await page.close();
      const popup = await openExtensionPage(h, '/popup.html');
      await waitFor(() => popup.evaluate(`!!document.querySelector('.after input')`), { message: 'the after-call question in the popup' });
      await popup.focus('.after input');
      await popup.keyboard.type('Nothing I did not choose');
      await popup.keyboard.press('Enter');
      await waitFor(async () => (await meetingReflections(h)).some((r) => r.text === 'Nothing I did not choose'), { message: 'the line in the journal' });
      assert.equal(await popup.evaluate(`!!document.querySelector('.after')`), false);
    });
  });
}
