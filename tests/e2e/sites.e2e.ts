import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, openExtensionPage, startFixtureServer, waitFor, type BrowserKind, type FixtureServer } from './harness/index.ts';
import { addSiteInOptions, clickInPause, inExtension, pauseHost, pauseRecords, patchSite, storedSites, testBuild, waitForNoPause, waitForPause } from './pause-driver.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`choosing sites, in ${kind}`, { timeout: 180_000 }, () => {
    let server: FixtureServer;
    let profile: string;

    before(async () => {
      server = await startFixtureServer();
      profile = await mkdtemp(join(tmpdir(), `pause-moment-${kind}-`));
    });
    after(async () => {
      await server?.close();
      await rm(profile, { recursive: true, force: true });
    });

    it('pauses a tab that was already open when its site is added, and the popup sends a site to the options page', async () => {
      const h = await launch(kind, testBuild(kind), { userDataDir: profile });
      try {
        const page = await h.browser.newPage();
        await page.goto(server.url('/feed.html'));
        assert.equal(await pauseHost(page), null, 'nothing is chosen yet');
        // The popup's "Pause on this site" opens the options page with the site filled in.
        const options = await openExtensionPage(h, `/options.html?add=${encodeURIComponent('127.0.0.1')}`);
        await waitFor(() => options.evaluate(`document.activeElement?.id === 'site-input' && document.activeElement.value === '127.0.0.1'`), {
          message: 'the site to be filled in and focused',
        });
        await waitFor(() => options.evaluate(`!document.querySelector('form.add button').disabled`));
        await options.keyboard.press('Enter');
        await waitFor(() => options.evaluate(`document.querySelector('.status').textContent.includes('Added 127.0.0.1')`), { message: 'the site to be added' });
        await options.close();
        await page.bringToFront();
        await waitForPause(page, h);
        await patchSite(h, 'site:127.0.0.1', { waitSeconds: 0 });
      } finally {
        await h.close();
      }
    });

    it('keeps sites, windows and the pause history across a browser restart', async () => {
      const h = await launch(kind, testBuild(kind), { userDataDir: profile });
      try {
        assert.deepEqual((await storedSites(h)).map((s) => s.label), ['127.0.0.1']);
        assert.ok((await pauseRecords(h)).length >= 1, 'the pause from before the restart is still recorded');
        const page = await h.browser.newPage();
        await page.goto(server.url('/feed.html'), { waitUntil: 'domcontentloaded' });
        const frame = await waitForPause(page, h);
        await waitFor(() => frame.evaluate(`[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Continue' && !b.disabled)`));
        await clickInPause(page, frame, 'Continue');
        await waitFor(() => frame.evaluate(`!!document.querySelector('form.continue')`));
        await clickInPause(page, frame, /^Continue for/);
        await waitForNoPause(page);
      } finally {
        await h.close();
      }
      const again = await launch(kind, testBuild(kind), { userDataDir: profile });
      try {
        const page = await again.browser.newPage();
        await page.goto(server.url('/feed.html'), { waitUntil: 'domcontentloaded' });
        await sleep(500);
        assert.equal(await pauseHost(page), null, 'the window opened before the restart still lets the user in');
      } finally {
        await again.close();
      }
    });

    it('Leave closes a tab that has nowhere to go back to', async () => {
      const h = await launch(kind, testBuild(kind));
      try {
        await addSiteInOptions(h, '127.0.0.1');
        const url = server.url('/feed.html?fresh');
        const before = (await pauseRecords(h)).length;
        // A tab opened straight onto the site has nothing behind it.
        await inExtension(h, `async (url) => { await (globalThis.browser ?? chrome).tabs.create({ url }); }`, url);
        const target = await h.browser.waitForTarget((t) => t.url() === url, { timeout: 10_000 });
        const page = (await target.page())!;
        await page.bringToFront();
        await waitFor(async () => (await pauseHost(page))?.open, { timeout: 8000, message: 'the pause to cover the page' });
        // The pause page records itself once it has loaded; then Leave has focus, and Enter leaves.
        await waitFor(async () => (await pauseRecords(h)).length > before, { timeout: 8000, message: 'the pause page to load' });
        await sleep(300);
        await page.keyboard.press('Enter');
        await waitFor(async () => !(await h.browser.pages()).some((p) => p.url() === url), { message: 'the tab to close' }).catch(async (error) => {
          const last = (await pauseRecords(h)).at(-1);
          throw new Error(`${error.message}; last pause ${last?.choice}; tabs ${(await h.browser.pages()).map((p) => p.url()).join(' ')}`);
        });
      } finally {
        await h.close();
      }
    });

    if (kind === 'firefox') {
      // Firefox lets the user take host access back at any time (Chromium's test build holds it as required).
      it('shows access taken away in the browser, and stops pausing there', async () => {
        const h = await launch(kind, testBuild(kind));
        try {
          await addSiteInOptions(h, 'localhost');
          await inExtension(h, `async () => { await browser.permissions.remove({ origins: ['*://localhost/*'] }); }`);
          const options = await openExtensionPage(h, '/options.html');
          await waitFor(() => options.evaluate(`document.querySelector('[data-site="site:localhost"] .warning')?.textContent.includes('removed')`), {
            message: 'the options page to show the missing access',
          });
          assert.ok(await options.evaluate(`!![...document.querySelectorAll('button')].find((b) => b.textContent.includes('Grant access again'))`));
          const page = await h.browser.newPage();
          await page.goto(server.altOrigin + '/feed.html');
          await sleep(500);
          assert.equal(await pauseHost(page), null, 'no code runs where access is gone');
        } finally {
          await h.close();
        }
      });
    }
  });
}
