import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Frame, Page } from 'puppeteer-core';
import { extensionStorage, launch, openExtensionPage, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import {
  addSiteInOptions,
  clickInPause,
  pauseButtonEnabled,
  pauseIdOf,
  pauseRecords,
  pauseText,
  retypeNumber,
  setWaitInOptions,
  storedSites,
  testBuild,
  waitForNoPause,
  waitForPause,
  waitForPauseRecord,
} from './pause-driver.ts';

/**
 * The pause that learns: a wait that grows with each Continue of the day and
 * starts again after a note, the user's own earlier words at the pause, and
 * pause styles that take turns. Every state is reached as a person would:
 * through the options page and the pause.
 */

const SITE = 'site:127.0.0.1';
const ROW = `[data-site="${SITE}"]`;
const STEP = 4;

/** The wait recorded for pause `id`. */
function waitOf(records: Awaited<ReturnType<typeof pauseRecords>>, id?: string): number | undefined {
  const record = id ? records.find((r) => r.id === id) : records.at(-1);
  return (record as { waitSeconds?: number } | undefined)?.waitSeconds;
}

/** The text of the options page's section about the pause. */
function pauseSectionText(options: Page): Promise<string> {
  return options.evaluate(`document.querySelector('section[aria-labelledby="pause-title"]')?.innerText ?? ''`) as Promise<string>;
}

/**
 * Everything of the page a script of the page can read: its document's HTML
 * and, inside it, the HTML of every open shadow root (a closed one, like the
 * pause's, it cannot reach).
 */
function pageReadable(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const parts = [document.documentElement.outerHTML];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.innerHTML);
          visit(el.shadowRoot);
        }
      }
    };
    visit(document);
    return parts.join('\\n');
  })()`) as Promise<string>;
}

/** Waits out the pause's wait, opens "For how long?" and continues for the time already chosen (1 min). */
async function continueForAMinute(page: Page, frame: Frame): Promise<void> {
  await waitFor(() => pauseButtonEnabled(frame, 'Continue'), { timeout: 60_000, message: 'Continue to open after the wait' });
  await clickInPause(page, frame, 'Continue');
  await clickInPause(page, frame, 'Continue for 1 min');
  await waitForNoPause(page);
}

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`the pause that learns, in ${kind}`, { timeout: 420_000 }, () => {
    let server: FixtureServer;
    let h: Harness;
    const pages: Page[] = [];

    async function open(path: string): Promise<Page> {
      const page = await h.browser.newPage();
      pages.push(page);
      await page.bringToFront();
      await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
      return page;
    }

    before(async () => {
      server = await startFixtureServer({});
      h = await launch(kind, testBuild(kind));
      assert.match((await addSiteInOptions(h, '127.0.0.1')).status, /Added 127\.0\.0\.1/);
      // A one-second wait and a one-minute time at the pause (the shortest) keep the visits of a day quick.
      await setWaitInOptions(h, SITE, 1);
      const options = await openExtensionPage(h, '/options.html');
      try {
        await retypeNumber(options, `${ROW} .fields label:nth-of-type(2) input[type=number]`, 1);
        await waitFor(async () => ((await storedSites(h)).find((s) => s.id === SITE) as { windowMinutes?: number } | undefined)?.windowMinutes === 1, {
          message: 'the time chosen at the pause to be saved as 1 min',
        });
      } finally {
        await options.close();
      }
    });
    afterEach(async () => {
      await Promise.all(pages.splice(0).map((p) => p.close().catch(() => undefined)));
    });
    after(async () => {
      await h?.close();
      await server?.close();
    });

    it('the options page says the rule in words, and the user sets its step', async () => {
      const options = await openExtensionPage(h, '/options.html');
      try {
        await waitFor(async () => /Each further Continue that day adds 5 s to the next wait, up to 30 s/.test(await pauseSectionText(options)), {
          message: 'the rule in words, as it is by default',
        });
        assert.equal(await options.$eval('section[aria-labelledby="pause-title"] input[type=checkbox]', (c) => (c as HTMLInputElement).checked), true, 'on by default');
        await retypeNumber(options, 'section[aria-labelledby="pause-title"] .fields label:nth-of-type(1) input', STEP);
        await waitFor(async () => new RegExp(`adds ${STEP} s to the next wait, up to 30 s`).test(await pauseSectionText(options)), {
          message: 'the words to follow the new step',
        });
        await waitFor(async () => ((await extensionStorage(h)).settings as { friction?: { stepSeconds: number } }).friction?.stepSeconds === STEP, {
          message: 'the step to be saved',
        });
      } finally {
        await options.close();
      }
    });

    it('a note written at a pause shows at the next pause on the site, and none of it reaches the page', async () => {
      const NOTE = 'Read the one reply from Sam';
      const page = await open('/keylogger.html');
      const frame = await waitForPause(page, h);
      assert.doesNotMatch(await pauseText(frame), /You wrote on/, 'nothing written yet');
      await waitFor(() => frame.evaluate(`document.hasFocus()`), { message: 'the pause to have focus' });
      await page.evaluate('window.seen.length = 0');
      await frame.evaluate(`document.querySelector('#pause-note').focus()`);
      await page.keyboard.type(NOTE);
      await page.keyboard.press('Enter');
      await waitFor(async () => /Saved to your journal\./.test(await pauseText(frame)), { message: 'the note to be saved' });
      const seen = (await page.evaluate('window.seen')) as string[];
      assert.deepEqual(seen.filter((s) => !s.includes('focusin')), [], `the page saw: ${seen.join(' ')}`);
      assert.ok(!(await pageReadable(page)).includes(NOTE), 'the page cannot read the note');
      // The next pause on the site, in another tab (the user may leave this one as it is).

      const next = await open('/feed.html');
      const again = await waitForPause(next, h);
      const day = String(new Date().getDate());
      let text = '';
      await waitFor(async () => new RegExp(`You wrote on [^:]*\\b${day}\\b[^:]*:\\s*${NOTE}`).test((text = await pauseText(again))), {
        message: 'the note to show at the next pause',
      }).catch((e: Error) => assert.fail(`${e.message}; the pause said: ${text}`));
      const readable = await pageReadable(next);
      assert.ok(!readable.includes(NOTE), 'the page cannot read the words the pause shows');
      assert.ok(!readable.includes('You wrote on'), 'nor that it shows any');
    });

    it('each Continue of the day lengthens the next wait, and the pause says why; a note starts the count again', async () => {
      const page = await open('/keylogger.html');
      // First visit of the day: the site's own wait, and no reason given.
      let frame = await waitForPause(page, h);
      let records = await waitForPauseRecord(h, await pauseIdOf(frame));
      assert.equal(waitOf(records), 1);
      assert.doesNotMatch(await pauseText(frame), /visit today/);
      await continueForAMinute(page, frame);

      // The minute ends and the tab pauses again: the second visit waits a step longer.
      frame = await waitForPause(page, h, 90_000);
      await waitFor(async () => /Second visit today( since your note)?, so a longer breath: 5 s\./.test(await pauseText(frame)), { message: 'the second visit’s reason' });
      await continueForAMinute(page, frame);

      // The third visit: two steps longer, said in words, and recorded with its real wait.
      frame = await waitForPause(page, h, 90_000);
      const third = await pauseIdOf(frame);
      await waitFor(async () => /Third visit today( since your note)?, so a longer breath: 9 s\./.test(await pauseText(frame)), { message: 'the third visit’s reason' });
      assert.equal(await pauseButtonEnabled(frame, 'Continue'), false, 'Continue waits');
      assert.match(await pauseText(frame), /Continue opens in [1-9] s/);
      records = await waitForPauseRecord(h, third);
      assert.equal(waitOf(records, third), 9);

      // A note written at the pause: the next pause is back to the site's own wait.
      await frame.evaluate(`document.querySelector('#pause-note').focus()`);
      await page.keyboard.type('One thread, then out.');
      await page.keyboard.press('Enter');
      await waitFor(async () => /Saved to your journal\./.test(await pauseText(frame)), { message: 'the note to be saved' });
      // The next pause on the site, in another tab (the user may leave this one as it is).
      const next = await open('/feed.html');
      const after = await waitForPause(next, h);
      const afterRecords = await waitForPauseRecord(h, await pauseIdOf(after));
      assert.equal(waitOf(afterRecords), 1, 'the wait starts again after a note');
      assert.doesNotMatch(await pauseText(after), /visit today/);
    });

    it('styles turned on in the options page take turns, and a new one says why the pause looks different', async () => {
      const options = await openExtensionPage(h, '/options.html');
      try {
        const more = `${ROW} button[aria-controls]`;
        await options.waitForSelector(more);
        await options.click(more);
        const longBreath = `${ROW} .pause-styles input[value="long-breath"]`;
        await options.waitForSelector(longBreath, { visible: true });
        assert.equal(await options.$eval(`${ROW} .pause-styles input[value="question"]`, (c) => (c as HTMLInputElement).disabled), true, 'the only style on stays on');
        await options.click(longBreath);
        await waitFor(async () => ((await storedSites(h)).find((s) => s.id === SITE) as { pauseStyles?: string[] } | undefined)?.pauseStyles?.join() === 'question,long-breath', {
          message: 'the two styles to be saved',
        });
      } finally {
        await options.close();
      }
      const NEW = 'A different pause today, so it stays fresh. A longer, slower breath.';
      const shown: Array<{ text: string; wait?: number }> = [];
      for (let i = 0; i < 3; i++) {
        const page = await open('/feed.html');
        const frame = await waitForPause(page, h);
        const id = await pauseIdOf(frame);
        const wait = waitOf(await waitForPauseRecord(h, id), id);
        // The answer has come once Continue's countdown is said.
        await waitFor(async () => /Continue opens in|Continue is open/.test(await frame.evaluate(`document.body.innerText + document.querySelector('[aria-live]').textContent`) as string), {
          message: 'the pause to know its wait',
        });
        shown.push({ text: await pauseText(frame), wait });
      }
      // The longer breath waits longer than the question (at least 10 s, however many visits came before).
      const longest = Math.max(...shown.map((p) => p.wait ?? 0));
      assert.ok(longest >= 10 && shown.some((p) => (p.wait ?? 0) < longest), `a longer breath waits longer: ${JSON.stringify(shown)}`);
      const [a, b, c] = shown.map((p) => ({ isNew: p.text.includes(NEW), long: p.wait === longest }));
      // Two pauses in a row differ: one the question, one a longer breath; then they turn again.
      assert.notEqual(a!.long, b!.long, `two pauses in a row take turns: ${JSON.stringify(shown)}`);
      assert.notEqual(b!.long, c!.long, `and turn again: ${JSON.stringify(shown)}`);
      // The first longer breath says why the pause looks different; the question never does, nor the longer breath again.
      const firstLong = [a, b, c].findIndex((p) => p!.long);
      [a, b, c].forEach((p, i) => assert.equal(p!.isNew, i === firstLong, `pause ${i + 1}: ${shown[i]!.text}`));
    });
  });
}
