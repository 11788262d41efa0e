import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { extensionStorage, launch, openExtensionPage, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import { inExtension, pauseIdOf, storedSites, testBuild, waitForPause, waitForPauseRecord, waitForRegistered } from './pause-driver.ts';

/**
 * The first run. A release build opens the welcome page by itself after a
 * fresh install; the test build does not (every test here installs the
 * extension afresh, and a tab of its own would stand in each one's way), so
 * these tests open it as that tab would. Which installs open it is checked in
 * tests/unit/install.test.ts.
 */

/** What the focused element is called: its label's text, else its aria-label or text. */
const FOCUSED_NAME = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return '';
  if (el.labels && el.labels.length) return el.labels[0].textContent.replace(/\\s+/g, ' ').trim();
  return (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim();
})()`;

/** Presses Tab, as a keyboard user does, until the focused control's name includes `name`. */
async function tabTo(page: Page, name: string): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate(FOCUSED_NAME)) as string;
    if (focused.includes(name)) return;
    seen.push(focused);
  }
  assert.fail(`Tab never reached "${name}"; it went through: ${seen.join(' | ')}`);
}

/** The level-one heading the page shows now. */
function headingOf(page: Page): Promise<string> {
  return page.evaluate(`document.querySelector('h1')?.textContent.trim() ?? ''`) as Promise<string>;
}

/** Waits until the page shows the heading `text`. */
async function waitForHeading(page: Page, text: string): Promise<void> {
  await waitFor(async () => (await headingOf(page)) === text, { message: `the heading "${text}"` });
}

/** The welcome page as the install opens it, with its first step on screen. */
async function openWelcome(h: Harness): Promise<Page> {
  const page = await openExtensionPage(h, '/welcome.html');
  await page.bringToFront();
  await waitForHeading(page, 'Welcome to Pause Moment');
  return page;
}

/** Goes to the choosing step with the keyboard, once the page has read the settings. */
async function chooseStep(page: Page): Promise<void> {
  await tabTo(page, 'Choose my sites');
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Where would you like a pause?');
  await waitFor(() => page.evaluate(`!document.querySelector('.save button').disabled`), { message: 'the choosing step to read the settings' });
}

/** Whether the tab has closed (the tour ended it). */
function closed(page: Page): Promise<boolean> {
  return page.isClosed() ? Promise.resolve(true) : page.evaluate('0').then(() => false, () => true);
}

/**
 * The headings of the welcome pages open in tabs, as the extension sees its
 * own pages (Firefox tells puppeteer of no tab that an extension page opens).
 */
function welcomeHeadings(h: Harness): Promise<string[]> {
  return inExtension<string[]>(
    h,
    `() => (globalThis.browser ?? chrome).extension.getViews({ type: 'tab' })
      .filter((w) => w.location.pathname === '/welcome.html')
      .map((w) => w.document.querySelector('h1')?.textContent.trim() ?? '')`,
  );
}

/**
 * Evaluates `expr` with \`doc\` bound to the preview's document. It is an
 * extension page inside an extension page, so the welcome page reaches it
 * (puppeteer lists no such frame in Firefox).
 */
function inPreview<T>(page: Page, expr: string): Promise<T> {
  return page.evaluate(`(() => { const doc = document.querySelector('iframe')?.contentDocument; return doc ? (${expr}) : undefined; })()`) as Promise<T>;
}

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`the first run, in ${kind}`, { timeout: 180_000 }, () => {
    let server: FixtureServer;

    before(async () => {
      server = await startFixtureServer();
    });
    after(async () => {
      await server?.close();
    });

    it('chooses a site with the keyboard, previews the pause without a record, and then pauses there', async () => {
      const h = await launch(kind, testBuild(kind));
      try {
        const welcome = await openWelcome(h);
        assert.match((await welcome.evaluate('document.body.innerText')) as string, /Nothing leaves your device/);
        await chooseStep(welcome);

        // A meeting platform and a site of one's own; both are granted to the test build, so the one request needs no prompt.
        await tabTo(welcome, 'Jitsi Meet');
        assert.equal(
          await welcome.evaluate(`getComputedStyle(document.activeElement.closest('label')).outlineStyle`),
          'solid',
          'the focused toggle shows its focus',
        );
        await welcome.keyboard.press(' ');
        await waitFor(() => welcome.evaluate(`document.activeElement.checked`), { message: 'Jitsi Meet to be ticked' });
        await tabTo(welcome, 'Your own site');
        await welcome.keyboard.type('127.0.0.1');
        await welcome.keyboard.press('Enter');
        await waitFor(() => welcome.evaluate(`document.querySelector('[aria-label="Your own sites"]')?.textContent.includes('127.0.0.1')`), {
          message: '127.0.0.1 to join the choice',
        });
        await tabTo(welcome, 'Allow and save');
        await welcome.keyboard.press('Enter');
        await waitForHeading(welcome, 'This is the pause');
        assert.equal(await welcome.evaluate(`document.activeElement === document.querySelector('h1')`), true, 'focus moves to the new step');
        assert.deepEqual((await storedSites(h)).map((s) => s.id).sort(), ['jitsi', 'site:127.0.0.1']);

        // The preview is the real pause page, asking its question about the site just chosen.
        await waitFor(() => inPreview(welcome, `doc.querySelector('h1')?.textContent.trim() === 'Is this really my choice?'`), {
          message: 'the preview to ask its question',
        });
        assert.match(await inPreview<string>(welcome, 'doc.body.innerText'), /You are about to open 127\.0\.0\.1\./);
        // Leave in the preview says what it would do, and does it not.
        await inPreview(welcome, `doc.querySelector('button.primary').focus()`);
        await welcome.keyboard.press('Enter');
        await waitFor(() => inPreview(welcome, `doc.querySelector('.preview-said')?.textContent.includes('Leave takes you away')`), {
          message: 'the preview to say what Leave would do',
        });
        assert.equal(await closed(welcome), false, 'Leave in the preview leaves the welcome page open');

        await welcome.focus('h1');
        await tabTo(welcome, 'Done');
        // The tab closes while the key is still down: its release may find no page to go to.
        await welcome.keyboard.press('Enter').catch(() => undefined);
        await waitFor(() => closed(welcome), { message: 'Done to close the welcome tab' });

        // The site chosen in the tour pauses.
        await waitForRegistered(h, '*://127.0.0.1/*');
        const page = await h.browser.newPage();
        await page.bringToFront();
        await page.goto(server.url('/feed.html'), { waitUntil: 'domcontentloaded' });
        const frame = await waitForPause(page, h);
        const records = await waitForPauseRecord(h, await pauseIdOf(frame));
        // The real pause is in the history; the preview, shown and left before it, is not.
        assert.equal(records.length, 1, `only the real pause is recorded: ${JSON.stringify(records)}`);
        assert.equal(records[0]!.siteId, 'site:127.0.0.1');
      } finally {
        await h.close();
      }
    });

    it('Skip ends the tour and leaves the settings as they were, and the options page opens the tour again', async () => {
      const h = await launch(kind, testBuild(kind));
      try {
        const before = await extensionStorage(h);
        const welcome = await openWelcome(h);
        await chooseStep(welcome);
        await tabTo(welcome, 'Jitsi Meet');
        await welcome.keyboard.press(' ');
        await tabTo(welcome, 'Your own site');
        await welcome.keyboard.type('127.0.0.1');
        await welcome.keyboard.press('Enter');
        await waitFor(() => welcome.evaluate(`document.querySelector('[aria-label="Your own sites"]')?.textContent.includes('127.0.0.1')`), {
          message: '127.0.0.1 to join the choice',
        });
        await welcome.click('header button');
        await waitFor(() => closed(welcome), { message: 'Skip to close the welcome tab' });
        assert.deepEqual(await extensionStorage(h), before, 'nothing chosen before Skip was saved');

        const options = await openExtensionPage(h, '/options.html');
        await options.bringToFront();
        await options.waitForSelector('header a');
        assert.equal(await options.evaluate(`document.querySelector('header a').textContent.trim()`), 'Open the welcome tour again');
        await options.click('header a');
        await waitFor(async () => (await welcomeHeadings(h)).includes('Welcome to Pause Moment'), {
          timeout: 10_000,
          message: 'the welcome tour to open in a new tab',
        });
        assert.equal(await closed(options), false, 'the options page stays open beside it');
      } finally {
        await h.close();
      }
    });
  });
}
