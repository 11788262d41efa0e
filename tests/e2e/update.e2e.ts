import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { launch, startFixtureServer, updateExtension, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import { addSiteInOptions, clickInPause, setWaitInOptions, pauseButtonEnabled, pauseIdOf, testBuild, waitForNoPause, waitForPause } from './pause-driver.ts';

/**
 * Watches, from the page's own world, every moment the page could paint
 * without our cover: after each change to the document and on every frame.
 * `window.uncoveredAt` lists them; `window.everCovered` says a cover ever came.
 */
const WATCH_COVER = `(() => {
  window.uncoveredAt = [];
  window.everCovered = !!document.querySelector('pause-moment');
  const look = (why) => {
    const covered = !!document.querySelector('pause-moment');
    if (covered) window.everCovered = true;
    else window.uncoveredAt.push(why);
  };
  new MutationObserver(() => look('change')).observe(document, { childList: true, subtree: true });
  const frame = () => (look('frame'), requestAnimationFrame(frame));
  requestAnimationFrame(frame);
})()`;

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`an update or reload under open pages, in ${kind}`, { timeout: 180_000 }, () => {
    let h: Harness;
    let server: FixtureServer;

    before(async () => {
      server = await startFixtureServer();
      h = await launch(kind, testBuild(kind));
    });
    after(async () => {
      await h?.close();
      await server?.close();
    });

    async function open(url: string): Promise<Page> {
      const page = await h.browser.newPage();
      await page.bringToFront();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    }

    it('pauses a paused tab again with no pixel of the page shown, and leaves a tab inside its open time uncovered', async () => {
      assert.match((await addSiteInOptions(h, '127.0.0.1')).status, /Added 127\.0\.0\.1/);
      assert.match((await addSiteInOptions(h, 'localhost')).status, /Added localhost/);
      await setWaitInOptions(h, 'site:localhost', 0);

      // A tab inside its open time: Continue on localhost.
      const inside = await open(server.url('/feed.html').replace('127.0.0.1', 'localhost'));
      const insideFrame = await waitForPause(inside, h);
      await waitFor(() => pauseButtonEnabled(insideFrame, 'Continue'), { timeout: 15_000, message: 'Continue to open after the wait' });
      await clickInPause(inside, insideFrame, 'Continue');
      await waitFor(() => insideFrame.evaluate(`!!document.querySelector('form.continue input[type=text]')`), { message: 'the Continue form' });
      await insideFrame.evaluate(`document.querySelector('form.continue input[type=text]').focus()`);
      await inside.keyboard.press('Enter');
      await waitForNoPause(inside);
      await inside.evaluate(WATCH_COVER);

      // A paused tab, in front.
      const paused = await open(server.url('/feed.html'));
      const before = await pauseIdOf(await waitForPause(paused, h));
      await paused.evaluate(WATCH_COVER);
      await paused.evaluate(`window.sameDocument = true`);

      await updateExtension(h, testBuild(kind));

      // The new version's pause, with a new id, in the same document.
      const frame = await waitFor(
        async () => {
          const f = await waitForPause(paused, h, 10_000);
          return (await pauseIdOf(f)) !== before ? f : null;
        },
        { timeout: 15_000, message: "the new version's pause" },
      );
      assert.ok(frame);
      assert.equal(await paused.evaluate('window.sameDocument'), true, 'the page was not reloaded');
      assert.deepEqual(await paused.evaluate('window.uncoveredAt'), [], 'no moment without the cover');
      assert.equal(await paused.evaluate(`document.querySelectorAll('pause-moment').length`), 1, "the old version's cover is gone");
      // The same pass of the new version reached the other tab: it stayed as it was.
      assert.equal(await inside.evaluate('window.everCovered'), false, 'the tab inside its open time was never covered');
    });

    // Firefox ends a removed extension's content scripts without a word and keeps
    // what they added to the page, so no code of ours is left to take a cover away
    // (as seen by XKit Rewritten, AprilSylph/XKit-Rewritten#1993: "DOM elements added
    // by a content script are, however, not removed ... we can run no javascript").
    it('takes the cover away when the extension is removed', { skip: kind === 'firefox' && 'Firefox runs nothing of a removed extension' }, async () => {
      const page = await open(server.url('/feed.html'));
      await waitForPause(page, h);
      await h.browser.uninstallExtension(h.extensionId);
      await waitForNoPause(page, 10_000);
    });
  });
}
