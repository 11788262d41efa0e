import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { launch, openExtensionPage, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import {
  addSiteInOptions,
  clickInPause,
  pauseButtonEnabled,
  pauseHost,
  pauseIdOf,
  pauseRecords,
  pauseText,
  setWaitInOptions,
  storedSites,
  testBuild,
  waitForLetIn,
  waitForNoPause,
  waitForPause,
  waitForPauseRecord,
} from './pause-driver.ts';

const SITE = 'site:127.0.0.1';
const ROW = `[data-site="${SITE}"]`;

/** The stored options of the chosen site 127.0.0.1. */
async function storedSite(h: Harness): Promise<{ exceptions?: string[]; intention?: string; questions?: string[] } | undefined> {
  return (await storedSites(h)).find((s) => s.id === SITE) as { exceptions?: string[]; intention?: string; questions?: string[] } | undefined;
}

/** The options page with the row of 127.0.0.1 showing its "More for 127.0.0.1", opened as a person does. */
async function openSiteOptions(h: Harness): Promise<Page> {
  const options = await openExtensionPage(h, '/options.html');
  const more = `${ROW} button[aria-controls]`;
  await options.waitForSelector(more);
  assert.equal(await options.$eval(more, (b) => b.textContent!.trim()), 'More for 127.0.0.1');
  await options.click(more);
  await waitFor(() => options.evaluate(`document.querySelector(${JSON.stringify(more)}).getAttribute('aria-expanded') === 'true'`), {
    message: 'the site’s options to open',
  });
  return options;
}

/** Replaces what a field of the options page holds with `text`, typing it. */
async function retype(options: Page, selector: string, text: string): Promise<void> {
  await options.click(selector, { count: 3 });
  await options.keyboard.press('Backspace');
  await options.keyboard.type(text);
}

/** The text of an element of the options page. */
function textOf(options: Page, selector: string): Promise<string> {
  return options.evaluate(`document.querySelector(${JSON.stringify(selector)})?.textContent.trim() ?? ''`) as Promise<string>;
}

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`a site's own options, in ${kind}`, { timeout: 180_000 }, () => {
    let server: FixtureServer;
    let h: Harness;

    before(async () => {
      // Pages of a feed under /messages, as a site's inbox would be.
      server = await startFixtureServer({ '/messages/inbox': { file: 'feed.html' } });
      h = await launch(kind, testBuild(kind));
      assert.match((await addSiteInOptions(h, '127.0.0.1')).status, /Added 127\.0\.0\.1/);
      // No wait before Continue keeps the suite quick.
      await setWaitInOptions(h, SITE, 0);
    });
    after(async () => {
      await h?.close();
      await server?.close();
    });

    it('an exception typed in the row leaves its part of the site unpaused, also inside a single-page app, and the tester names it', async () => {
      const options = await openSiteOptions(h);
      const input = `${ROW} .exception-input`;
      const error = `${ROW} .exception-error`;
      // Another site's path is refused, with the reason, and nothing is saved.
      await retype(options, input, 'localhost/messages');
      await waitFor(async () => /localhost\/messages is not part of 127\.0\.0\.1/.test(await textOf(options, error)), {
        message: 'the exception to be refused as it is typed',
      });
      await options.keyboard.press('Enter');
      assert.equal((await storedSite(h))?.exceptions, undefined, 'a refused exception is not saved');
      await retype(options, input, '127.0.0.1/messages');
      await waitFor(async () => (await textOf(options, error)) === '', { message: 'the refusal to go once the exception fits' });
      await options.keyboard.press('Enter');
      await waitFor(async () => (await textOf(options, `${ROW} .exception-status`)) === "127.0.0.1/messages won't pause.", { message: 'the exception to be added' });
      await waitFor(async () => (await storedSite(h))?.exceptions?.join() === '127.0.0.1/messages', { message: 'the exception to be saved' });

      // "Does this address pause?" names the exception, and still pauses the rest of the site.
      const ask = async (address: string, expected: string) => {
        await retype(options, '#tester-input', address);
        let last = '';
        await waitFor(async () => (last = await textOf(options, '#tester-answer')) === expected, { message: `the answer for ${address}` }).catch(
          (e: Error) => assert.fail(`${e.message}; the answer was "${last}"`),
        );
      };
      await ask(server.url('/messages/inbox'), 'No pause: 127.0.0.1/messages/inbox falls under 127.0.0.1/messages, an exception you made for 127.0.0.1.');
      await ask('http://127.0.0.1/messages', 'No pause: 127.0.0.1/messages is an exception you made for 127.0.0.1.');
      await ask(server.url('/feed.html'), 'It pauses: 127.0.0.1/feed.html is part of 127.0.0.1 (127.0.0.1).');
      await options.close();

      const before = (await pauseRecords(h)).length;
      const page = await h.browser.newPage();
      await page.goto(server.url('/messages/inbox'), { waitUntil: 'domcontentloaded' });
      // The guard's decision: the page loaded and ran (the guard covered it at its start), and the cover went.
      await waitForLetIn(page);
      assert.equal(await pauseHost(page), null, 'a page under the exception does not pause');
      // The same guard is at work in this page: moving without a load to a path outside the exception pauses...
      await page.evaluate(`history.pushState({}, '', '/feed')`);
      const frame = await waitForPause(page, h);
      const records = await waitForPauseRecord(h, await pauseIdOf(frame));
      assert.equal(records.length, before + 1, 'the page under the exception made no pause of its own');
      // ...and moving back under the exception lets the page be.
      await page.evaluate(`history.pushState({}, '', '/messages/inbox/42')`);
      await waitForNoPause(page);

      // A page elsewhere on the site pauses on load.
      const elsewhere = await h.browser.newPage();
      await elsewhere.goto(server.url('/feed.html'), { waitUntil: 'domcontentloaded' });
      await waitForPause(elsewhere, h);
      await elsewhere.close();
      await page.close();
    });

    it('a question and a required intention chosen in the row are what the pause asks', async () => {
      const options = await openSiteOptions(h);
      await options.click(`${ROW} input[type=radio][value=required]`);
      await waitFor(async () => (await storedSite(h))?.intention === 'required', { message: 'the intention to be required' });
      await options.click(`${ROW} .questions-input`);
      await options.keyboard.type('What am I looking for here?');
      await options.keyboard.press('Tab');
      await waitFor(async () => (await storedSite(h))?.questions?.join() === 'What am I looking for here?', { message: 'the question to be saved' });
      assert.equal(await textOf(options, `${ROW} .questions-status`), 'Saved your question.');
      await options.close();

      const page = await h.browser.newPage();
      await page.goto(server.url('/feed.html?asks'), { waitUntil: 'domcontentloaded' });
      const frame = await waitForPause(page, h);
      await waitFor(async () => (await frame.evaluate(`document.querySelector('h1').textContent.trim()`)) === 'What am I looking for here?', {
        message: 'the pause to ask the site’s own question',
      });
      assert.ok(!(await pauseText(frame)).includes('Is this really my choice?'), 'the default question is not asked');
      await waitFor(() => pauseButtonEnabled(frame, 'Continue'), { message: 'Continue to open' });
      await clickInPause(page, frame, 'Continue');
      await waitFor(() => frame.evaluate(`!!document.querySelector('form.continue')`), { message: 'the Continue form' });
      assert.equal(await pauseButtonEnabled(frame, 'Continue for 15 min'), false, 'Continue waits for an intention');
      assert.match(await pauseText(frame), /Write what you came for \(3 characters or more\) to continue\./);
      await clickInPause(page, frame, /^I'm here to/);
      await page.bringToFront();
      await page.keyboard.type('reply to Sam');
      await waitFor(() => pauseButtonEnabled(frame, 'Continue for 15 min'), { message: 'Continue to open once an intention is written' });
      const id = await pauseIdOf(frame);
      await clickInPause(page, frame, 'Continue for 15 min');
      await waitForNoPause(page);
      await waitFor(async () => (await pauseRecords(h)).find((r) => r.id === id)?.intention === 'reply to Sam', {
        message: 'the pause to keep what the user came for',
      });
      await page.close();
    });
  });
}
