/**
 * A site must not be able to tell that Pause Moment is installed. The pause,
 * meeting card and check-in pages have to be framable by any site the user
 * chooses; a page that knows their address in the extension must still fail
 * to load them, while the pause on a chosen site keeps working.
 *
 * Chromium gives an extension the same id everywhere, so its pages' static
 * addresses are known to every site: there they load only through the
 * session's dynamic URL (`use_dynamic_url` in wxt.config.ts). Firefox has no
 * static address to probe: it makes up the extension's UUID for each browser
 * instance, "to prevent websites from fingerprinting a browser by examining
 * the extensions it has installed", and has no use_dynamic_url (MDN,
 * manifest.json/web_accessible_resources, and its compatibility table). Its
 * test harness pins that UUID, so there the pages are probed at the addresses
 * a site can know: the add-on's public id (the gecko id in the manifest, which
 * addons.mozilla.org lists) in place of the UUID.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { launch, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import { addSiteInOptions, clickInPause, pauseIdOf, pauseRecords, testBuild, waitForPause, waitForPauseRecord, waitForRegistered } from './pause-driver.ts';

/** The add-on's public id in Firefox (wxt.config.ts, browser_specific_settings.gecko.id). */
const GECKO_ID = 'pause-moment@pausemoment.app';

/** What a page gets when it asks for `urls` the ways a fingerprinting script would: a fetch, and a frame. */
const PROBE = `async (urls) => {
  const results = [];
  for (const url of urls) {
    const fetched = await fetch(url).then((r) => 'fetched ' + r.status, () => 'refused');
    results.push({ url, fetched });
  }
  return results;
}`;

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`the extension's pages, seen from a site, in ${kind}`, { timeout: 120_000 }, () => {
    let h: Harness;
    let chosen: FixtureServer;
    let other: FixtureServer;
    let pages: Page[] = [];

    before(async () => {
      chosen = await startFixtureServer();
      other = await startFixtureServer({}, { host: '127.0.0.2' });
      h = await launch(kind, testBuild(kind));
    });
    after(async () => {
      for (const p of pages) await p.close().catch(() => undefined);
      await h?.close();
      await chosen?.close();
      await other?.close();
    });

    it('cannot be loaded by their address from a page, even on a chosen site, while the pause there still shows and records Leave', async () => {
      await addSiteInOptions(h, '127.0.0.1');
      await waitForRegistered(h, '*://127.0.0.1/*');
      const paused = await h.browser.newPage();
      pages.push(paused);
      await paused.goto(chosen.url('/feed.html'));
      // The pause shows in its frame: the extension's own way of loading the page works.
      const frame = await waitForPause(paused, h);

      const known = (path: string) => (kind === 'firefox' ? `moz-extension://${GECKO_ID}${path}` : h.extensionUrl(path));
      const addresses = ['/pause.html', '/meeting-card.html', '/check-in.html'].map(known);
      const elsewhere = await h.browser.newPage();
      pages.push(elsewhere);
      await elsewhere.goto(other.url('/elsewhere.html'));
      for (const page of [elsewhere, paused]) {
        const results = (await page.evaluate(`(${PROBE})(${JSON.stringify(addresses)})`)) as Array<{ url: string; fetched: string }>;
        assert.deepEqual(
          results.map((r) => r.fetched),
          addresses.map(() => 'refused'),
          `a page at ${page.url()} could load ${JSON.stringify(results)}`,
        );
      }
      if (kind === 'firefox') {
        // The probe itself works: the address this install made up, which the harness pinned, loads (a site cannot know it).
        const made = (await elsewhere.evaluate(`(${PROBE})(${JSON.stringify([h.extensionUrl('/pause.html')])})`)) as Array<{ fetched: string }>;
        assert.equal(made[0]?.fetched, 'fetched 200', "the install's own address loads, so the refusals above are about the address");
      }
      // And the background still hears the pause page by its dynamic address: Leave is recorded.
      const id = await pauseIdOf(frame);
      await clickInPause(paused, frame, 'Leave');
      await waitForPauseRecord(h, id);
      await waitFor(async () => (await pauseRecords(h)).find((r) => r.id === id)?.choice === 'leave', { message: 'Leave in the pause log' });
    });
  });
}
