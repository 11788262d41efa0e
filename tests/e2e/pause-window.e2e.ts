import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'puppeteer-core';
import { PNG } from 'pngjs';
import { launch, sleep, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import { addSiteInOptions, clickInPause, pauseButtonEnabled, redPixels, testBuild, waitForNoPause, waitForPause } from './pause-driver.ts';

/** Where the cover is and how big, where the window is, and what the page's root looks like. */
async function pageView(page: Page): Promise<{ cover: { left: number; top: number; width: number; height: number } | null; innerWidth: number; innerHeight: number; clientWidth: number; rootStyle: string | null; scrollY: number }> {
  return (await page.evaluate(`(() => {
    const el = document.querySelector('pause-moment');
    const r = el?.getBoundingClientRect();
    return {
      cover: r ? { left: r.left, top: r.top, width: r.width, height: r.height } : null,
      innerWidth, innerHeight,
      clientWidth: document.documentElement.clientWidth,
      rootStyle: document.documentElement.getAttribute('style'),
      scrollY,
    };
  })()`)) as never;
}

/** The pause card's box and the box of what it shows, in the pause page's coordinates. */
async function cardBoxes(frame: Frame): Promise<{ card: DOMRectLike; content: DOMRectLike }> {
  return (await frame.evaluate(`(() => {
    const card = document.querySelector('main.pause');
    const boxes = [...card.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0);
    const left = Math.min(...boxes.map((r) => r.left)), right = Math.max(...boxes.map((r) => r.right));
    const top = Math.min(...boxes.map((r) => r.top)), bottom = Math.max(...boxes.map((r) => r.bottom));
    const c = card.getBoundingClientRect();
    return { card: { left: c.left, top: c.top, width: c.width, height: c.height }, content: { left, top, width: right - left, height: bottom - top } };
  })()`)) as never;
}
type DOMRectLike = { left: number; top: number; width: number; height: number };

/** Pixels of the screenshot's right-hand strip (where a scrollbar would be) that differ from the cover's own colour. */
async function stripUnlikeCover(page: Page, strip: number): Promise<number> {
  const png = PNG.sync.read(Buffer.from(await page.screenshot({ type: 'png' })));
  const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];
  // The cover's background, from its top middle, where the card draws nothing.
  const cover = at(Math.floor(png.width / 2), 2);
  let unlike = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = png.width - strip; x < png.width; x++) {
      if (at(x, y).some((c, i) => Math.abs(c - cover[i]!) > 3)) unlike++;
    }
  }
  return unlike;
}

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`the pause on a page with a scrollbar, in ${kind}`, { timeout: 120_000 }, () => {
    let h: Harness;
    let server: FixtureServer;

    before(async () => {
      server = await startFixtureServer();
      // Scrollbars drawn, as in a person's browser (headless Chromium hides them by default).
      h = await launch(kind, testBuild(kind), { showScrollbars: true });
      const added = await addSiteInOptions(h, '127.0.0.1');
      assert.match(added.status, /Added 127\.0\.0\.1/, JSON.stringify(added));
    });

    after(async () => {
      await h?.close();
      await server?.close();
    });

    it('covers the whole window, scrollbar strip included, centres the card, and gives the page its scrollbar back after', async () => {
      const page = await h.browser.newPage();
      await page.bringToFront();
      await page.goto(server.url('/tall.html'), { waitUntil: 'domcontentloaded' });
      const frame = await waitForPause(page, h);
      // Let the page have its go at its own scrollbar first (it does on load).
      await waitFor(() => page.evaluate(`document.readyState === 'complete'`), { message: 'the page to load' });
      // Two frames, or half a second: a tab the browser stops drawing (a busy machine, another window in front) runs no animation frames.
      await Promise.race([page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))'), sleep(500)]);

      const view = await pageView(page);
      assert.ok(view.cover, 'the pause is up');
      assert.deepEqual(
        [view.cover.left, view.cover.top, Math.round(view.cover.width), Math.round(view.cover.height)],
        [0, 0, view.innerWidth, view.innerHeight],
        'the cover spans the whole window',
      );

      const { card, content } = await cardBoxes(frame);
      const middle = { x: view.innerWidth / 2, y: view.innerHeight / 2 };
      const cardMiddle = { x: view.cover.left + card.left + card.width / 2, y: view.cover.top + card.top + card.height / 2 };
      const contentMiddle = view.cover.left + content.left + content.width / 2;
      assert.ok(Math.abs(cardMiddle.x - middle.x) <= 1 && Math.abs(cardMiddle.y - middle.y) <= 1, `the card's centre ${JSON.stringify(cardMiddle)} is the window's ${JSON.stringify(middle)}`);
      assert.ok(Math.abs(contentMiddle - middle.x) <= 1, `what the card shows is centred: ${contentMiddle} against ${middle.x}`);

      assert.equal(await redPixels(page), 0, 'no pixel of the page shows');
      assert.equal(await stripUnlikeCover(page, 24), 0, 'nothing but the cover beside it, not even the page’s scrollbar');

      // The pause goes the way a person makes it go: Continue, after the wait.
      await waitFor(() => pauseButtonEnabled(frame, 'Continue'), { timeout: 10_000, message: 'Continue to open after the wait' });
      await clickInPause(page, frame, 'Continue');
      await waitFor(() => frame.evaluate(`!!document.querySelector('form.continue')`), { message: 'the Continue form' });
      await clickInPause(page, frame, /^Continue for \d+ min$/);
      await waitForNoPause(page);

      const afterwards = await pageView(page);
      assert.equal(afterwards.rootStyle, 'overflow-y: scroll;', 'the page’s root has its own style back, and only that');
      assert.ok(afterwards.clientWidth < afterwards.innerWidth, `the page has its scrollbar again (${afterwards.clientWidth} of ${afterwards.innerWidth})`);
      await page.mouse.move(afterwards.innerWidth / 2, afterwards.innerHeight / 2);
      await page.mouse.wheel({ deltaY: 600 });
      await waitFor(async () => (await pageView(page)).scrollY > 0, { message: 'the page to scroll' });
      await page.close();
    });
  });
}
