import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { launch, openExtensionPage, readIndexedDb, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import { ForegroundTabs, addSiteInOptions, coveredAtStart, inExtension, pauseHost, testBuild, waitForNoPause, waitForPause, waitForRegistered } from './pause-driver.ts';

/** What the pause history holds, as the extension's IndexedDB has it. */
interface Entry {
  id: string;
  kind?: string;
  choice?: string;
  length?: string;
  snoozeId?: string;
  host?: string;
  siteId?: string;
  until?: number;
  endedEarlyAt?: number;
}

function history(h: Harness): Promise<Entry[]> {
  return readIndexedDb(h, 'pause-moment-log', 'pauses') as Promise<Entry[]>;
}

/** The badge on the toolbar icon, as the extension reads it back. */
function badgeText(h: Harness): Promise<string> {
  return inExtension<string>(h, `async () => (globalThis.browser ?? chrome).action.getBadgeText({})`);
}

/** The popup's snooze line. */
function snoozeLine(popup: Page): Promise<string> {
  return popup.evaluate(`document.querySelector('.snooze [role=status]')?.textContent.trim() ?? ''`) as Promise<string>;
}

/** Clicks the popup's button with this text with the real mouse, as a person does. */
async function clickButton(page: Page, text: string): Promise<void> {
  const box = await waitFor(
    () =>
      page.evaluate(`(() => {
        const b = [...document.querySelectorAll('button')].find((el) => el.textContent.trim() === ${JSON.stringify(text)} && !el.disabled);
        if (!b) return null;
        const r = b.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      })()`) as Promise<{ x: number; y: number } | null>,
    { message: `the button "${text}"` },
  );
  await page.bringToFront();
  await page.mouse.click(box.x, box.y);
}

/** Whether the page still runs the document it had when marked (no reload happened). */
const sameDocument = (page: Page) => page.evaluate(`window.markedBeforeSnooze === true`) as Promise<boolean>;

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`snoozing pauses, in ${kind}`, { timeout: 240_000 }, () => {
    let h: Harness;
    let server: FixtureServer;

    const tabs = new ForegroundTabs(() => h);
    const open = (url: string): Promise<Page> => tabs.open(url);

    async function openPopup(): Promise<Page> {
      const popup = await openExtensionPage(h, '/popup.html');
      tabs.keep(popup);
      await popup.waitForSelector('.snooze [role=group]');
      return popup;
    }

    before(async () => {
      server = await startFixtureServer();
      h = await launch(kind, testBuild(kind));
      const added = await addSiteInOptions(h, '127.0.0.1');
      assert.match(added.status, /Added 127\.0\.0\.1/, JSON.stringify(added));
      await waitForRegistered(h, '*://127.0.0.1/*');
    });

    afterEach(async () => {
      await tabs.closeAll();
    });

    after(async () => {
      await h?.close();
      await server?.close();
    });

    it('lets every page in from the moment it starts, shows it on the icon, and ends by itself', async () => {
      const feed = await open(server.url('/feed.html'));
      await waitForPause(feed, h);
      await feed.evaluate('window.markedBeforeSnooze = true');

      const popup = await openPopup();
      await clickButton(popup, '20 seconds');
      await waitFor(async () => /^Pauses snoozed on all sites until .+, 1 min left\.$/.test(await snoozeLine(popup)), {
        message: 'the popup to say pauses are snoozed, and for how long',
      });
      await waitFor(() => popup.evaluate(`document.activeElement?.textContent.trim() === 'End now'`), { message: '"End now" to be under the keyboard' });

      // The open page lets the user in, without a reload.
      await waitForNoPause(feed);
      assert.ok(await sameDocument(feed), 'the same page, not reloaded');

      // A new page of the site does not pause; the history counts it as skipped (the guard's own decision).
      const another = await open(server.url('/feed.html?second'));
      await coveredAtStart(another); // the page has loaded and run its first script
      await waitFor(async () => (await history(h)).some((e) => e.choice === 'skipped'), { message: 'the skipped pause in the history' });
      assert.equal(await pauseHost(another), null, 'no pause on the new page');

      assert.equal(await badgeText(h), 'Zz', 'the toolbar icon shows the snooze');

      // Without touching anything: the snooze ends by itself, both pages pause again, the badge goes.
      await waitForPause(feed, h, 40_000);
      assert.ok(await sameDocument(feed), 'paused again without a reload');
      await waitForPause(another, h, 10_000);
      await waitFor(async () => (await badgeText(h)) === '', { timeout: 15_000, message: 'the badge to clear' });
      await waitFor(async () => (await snoozeLine(popup)) === 'Pauses are back on.', { message: 'the popup to say pauses are back' });

      const all = await history(h);
      const snoozes = all.filter((e) => e.kind === 'snooze');
      assert.equal(snoozes.length, 1, JSON.stringify(all));
      assert.equal(snoozes[0]!.length, 'test-20s');
      assert.equal(snoozes[0]!.endedEarlyAt, undefined, 'it ran its course');
      const skips = all.filter((e) => e.choice === 'skipped');
      // Only the new page: the page already paused when the snooze began was counted when it paused.
      assert.deepEqual(
        skips.map((e) => ({ snoozeId: e.snoozeId, host: e.host, siteId: e.siteId })),
        [{ snoozeId: snoozes[0]!.id, host: '127.0.0.1', siteId: 'site:127.0.0.1' }],
      );
    });

    it('"End now" brings the pause back at once; meanwhile the options page says why a page does not pause', async () => {
      const feed = await open(server.url('/feed.html'));
      await waitForPause(feed, h);
      const popup = await openPopup();
      await clickButton(popup, '1 hour');
      await waitForNoPause(feed);
      assert.equal(await badgeText(h), 'Zz');

      const options = await openExtensionPage(h, '/options.html');
      tabs.keep(options);
      await options.waitForSelector('#tester-input');
      await options.focus('#tester-input');
      await options.keyboard.type(server.url('/feed.html'));
      const said = await waitFor(
        async () => {
          const text = (await options.evaluate(`document.querySelector('#tester-answer').textContent.trim()`)) as string;
          return text || null;
        },
        { message: 'the address tester to answer' },
      );
      assert.match(said, /^Not now: pauses are snoozed until .+\. After that it pauses \(127\.0\.0\.1\)\.$/);

      // Back in the popup, from the keyboard: "End now" has the focus since the snooze started.
      await popup.bringToFront();
      assert.equal(await popup.evaluate(`document.activeElement?.textContent.trim()`), 'End now');
      await popup.keyboard.press('Enter');
      await waitForPause(feed, h);
      await waitFor(async () => (await badgeText(h)) === '', { message: 'the badge to clear' });
      assert.equal(await snoozeLine(popup), 'Pauses are back on.');
      const snooze = (await history(h)).filter((e) => e.kind === 'snooze' && e.length === '1h');
      assert.equal(snooze.length, 1);
      assert.ok(typeof snooze[0]!.endedEarlyAt === 'number' && snooze[0]!.endedEarlyAt < snooze[0]!.until!, 'recorded as ended early');
    });
  });
}
