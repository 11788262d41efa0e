import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Frame, Page } from 'puppeteer-core';
import { launch, openExtensionPage, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import {
  addSiteInOptions,
  clickInPause,
  ForegroundTabs,
  inExtension,
  pauseButtonEnabled,
  pauseIdOf,
  setWaitInOptions,
  testBuild,
  turnOffLongerWaits,
  waitForNoPause,
  waitForPause,
  waitForPauseRecord,
} from './pause-driver.ts';

/**
 * Insights: pauses and reflections made through the pause and the popup show
 * in the charts and in their tables with the right numbers; a table's CSV is
 * the table; the page is usable by keyboard alone. The Chromium run writes
 * the screenshots the README shows (light and dark) into docs/.
 */

const SITE = 'site:127.0.0.1';
const INTENTION = 'Read the reply from Sam';
const DOCS = resolve(import.meta.dirname, '../../docs');

/** The local day as the page names it, "YYYY-MM-DD". */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The cells of the table a view shows, header row first. */
function tableOf(page: Page, view: string): Promise<string[][]> {
  return page.evaluate(
    `[...document.querySelectorAll('[data-view="${view}"] table tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim()))`,
  ) as Promise<string[][]>;
}

/** A view's sentence under its heading. */
function summaryOf(page: Page, view: string): Promise<string> {
  return page.evaluate(`document.querySelector('[data-view="${view}"] .summary')?.textContent ?? ''`) as Promise<string>;
}

/** Splits CSV text (RFC 4180) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

/** Tabs forward until `selector` has the focus, as a keyboard user does; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
  }
  assert.fail(`${selector} was not reached with Tab`);
}

/** Whether the focused element shows the focus ring (an outline of at least 2 px). */
function focusRingShows(page: Page): Promise<boolean> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    const ring = el.closest('label') && el.matches('input[type=radio]') ? el.closest('label') : el;
    const s = getComputedStyle(ring);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  })()`) as Promise<boolean>;
}

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`insights, in ${kind}`, { timeout: 300_000 }, () => {
    let server: FixtureServer;
    let h: Harness;
    const tabs = new ForegroundTabs(() => h);

    before(async () => {
      server = await startFixtureServer({});
      h = await launch(kind, testBuild(kind));
      assert.match((await addSiteInOptions(h, '127.0.0.1')).status, /Added 127\.0\.0\.1/);
      await setWaitInOptions(h, SITE, 1);
      await turnOffLongerWaits(h);

      // A Leave, then a Continue with an intention, at the pause on the chosen site.
      const first = await tabs.open(server.url('/feed.html'));
      const leaving = await waitForPause(first, h);
      const left = await pauseIdOf(leaving);
      await clickInPause(first, leaving, 'Leave');
      await waitFor(async () => (await waitForPauseRecord(h, left)).find((r) => r.id === left)?.choice === 'leave', { message: 'the Leave to be recorded' });

      const second = await tabs.open(server.url('/feed.html'));
      const frame: Frame = await waitForPause(second, h);
      const continued = await pauseIdOf(frame);
      await waitFor(() => pauseButtonEnabled(frame, 'Continue'), { timeout: 30_000, message: 'Continue to open after the wait' });
      await clickInPause(second, frame, 'Continue');
      await frame.waitForSelector('label.intention input');
      await frame.focus('label.intention input');
      await second.keyboard.type(INTENTION);
      await clickInPause(second, frame, /^Continue for \d+ min$/);
      await waitForNoPause(second);
      await waitFor(async () => (await waitForPauseRecord(h, continued)).find((r) => r.id === continued)?.choice === 'continue', { message: 'the Continue to be recorded' });

      // A reflection with a tag, written in the popup.
      const popup = await openExtensionPage(h, '/popup.html');
      await waitFor(() => popup.evaluate(`!!document.querySelector('textarea') && !document.querySelector('textarea').disabled`), { message: 'the journal box' });
      await popup.focus('textarea');
      await popup.keyboard.type('Closed the feed after one look #calm');
      await popup.keyboard.down('Control');
      await popup.keyboard.press('Enter');
      await popup.keyboard.up('Control');
      await waitFor(() => popup.evaluate(`document.querySelectorAll('.journal .item').length === 1`), { message: 'the reflection to be listed' });
      await popup.close();
      await tabs.closeAll();
    });
    afterEach(async () => {
      await tabs.closeAll();
    });
    after(async () => {
      await h?.close();
      await server?.close();
    });

    it('the popup sums up the week and opens Insights', async () => {
      const popup = await openExtensionPage(h, '/popup.html');
      try {
        await waitFor(async () => /This week: 2 pauses, left 50%\./.test((await popup.evaluate(`document.querySelector('.week')?.textContent ?? ''`)) as string), {
          message: 'the week line in the popup',
        });
        await popup.evaluate(`[...document.querySelectorAll('.week button')].find((b) => b.textContent.includes('See your week')).click()`);
        // The tab the popup opened: Chromium lists it among the pages; Firefox's tab list has it (an extension page sees its own tabs' addresses there).
        const isInsights = (url = '') => url.endsWith('/insights.html');
        const opened = async () =>
          (await h.browser.pages()).some((p) => isInsights(p.url())) ||
          (await inExtension<number>(h, `async () => (await (globalThis.browser ?? chrome).tabs.query({})).filter((t) => (t.url ?? '').endsWith('/insights.html')).length`)) > 0;
        await waitFor(opened, { timeout: 10_000, message: 'Insights to open in a tab' });
        for (const p of await h.browser.pages()) if (isInsights(p.url())) await p.close();
        await inExtension(h, `async () => { const b = globalThis.browser ?? chrome; const tabs = (await b.tabs.query({})).filter((t) => (t.url ?? '').endsWith('/insights.html')); if (tabs.length) await b.tabs.remove(tabs.map((t) => t.id)); }`);
      } finally {
        await popup.close().catch(() => undefined);
      }
    });

    it('shows the pauses and the reflection in the charts and their tables, and each CSV is its table', async () => {
      const page = await openExtensionPage(h, '/insights.html');
      try {
        await page.waitForSelector('main[data-ready="year"]');
        assert.match(await page.$eval('.headline', (p) => p.textContent ?? ''), /^You left 50% of the time, over 2 pauses; there were none the week before\.$/);
        assert.equal(await summaryOf(page, 'choices'), '2 pauses in the last 7 days: you left 1 time (50%) and continued 1.');
        assert.ok((await page.$$('[data-view="choices"] svg rect')).length >= 2, 'a bar for the Leave and one for the Continue');

        for (const view of ['choices', 'sites', 'open-times', 'journal']) await page.click(`[data-view="${view}"] button[aria-pressed]`);
        const choices = await tableOf(page, 'choices');
        assert.deepEqual(choices[0], ['Day', 'Pauses', 'Left', 'Continued', 'Closed without choosing', 'Skipped (snoozed)', 'Share left']);
        assert.deepEqual(choices.at(-1), [today(), '2', '1', '1', '0', '0', '50%']);
        assert.equal(choices.length, 8, 'a row for each of the 7 days');
        const sites = await tableOf(page, 'sites');
        assert.deepEqual(sites[1]?.slice(0, 5), ['127.0.0.1', '2', '1', '1', '50%']);
        const openTimes = await tableOf(page, 'open-times');
        assert.deepEqual(openTimes.find((r) => r[0]!.startsWith("I'm here to")), [`I'm here to ${INTENTION.toLowerCase()}`, '1', '']);
        const journal = await tableOf(page, 'journal');
        assert.deepEqual(journal[0]?.slice(0, 3), ['Week of', 'Reflections', '#calm']);
        assert.deepEqual(journal.at(-1)?.slice(1), ['1', '1']);

        // The CSV a person downloads: the file's bytes, read from the link the page makes (a byte-order mark kept as text).
        await page.evaluate(`(() => {
          window.csvFiles = [];
          HTMLAnchorElement.prototype.click = function () {
            window.csvFiles.push(fetch(this.href).then((r) => r.arrayBuffer()).then((bytes) => ({ name: this.download, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) })));
          };
        })()`);
        await page.click('[data-view="sites"] .actions button:last-child');
        const [file] = (await page.evaluate('Promise.all(window.csvFiles)')) as { name: string; text: string }[];
        assert.equal(file?.name, `pause-moment-pauses-by-site-${today()}.csv`);
        assert.ok(file!.text.startsWith('\uFEFF'), 'a byte-order mark says the file is UTF-8');
        assert.deepEqual(parseCsv(file!.text.slice(1)), sites);
      } finally {
        await page.close();
      }
    });

    it('can be used by keyboard alone, with the focus ring at each stop', async () => {
      const page = await openExtensionPage(h, '/insights.html');
      try {
        await page.waitForSelector('main[data-ready="year"]');
        await tabTo(page, 'input[type=radio][value="7"]');
        assert.ok(await focusRingShows(page), 'the period shows focus');
        await page.keyboard.press('ArrowRight');
        await waitFor(async () => (await summaryOf(page, 'choices')).includes('in the last 30 days'), { message: 'the arrow key to choose 30 days' });
        assert.ok(await focusRingShows(page), 'the chosen period keeps the focus ring');
        await tabTo(page, '[data-view="choices"] button[aria-pressed]');
        assert.ok(await focusRingShows(page), 'Show numbers shows focus');
        await page.keyboard.press('Enter');
        await page.waitForSelector('[data-view="choices"] table');
        assert.equal((await tableOf(page, 'choices')).length, 31, 'a row for each of the 30 days');
        assert.equal(await page.$eval('[data-view="choices"] button[aria-pressed]', (b) => b.getAttribute('aria-pressed')), 'true');
        await page.keyboard.press('Tab');
        assert.ok(await page.evaluate(`document.activeElement.textContent.includes('Download CSV')`), 'Download CSV comes next');
        assert.ok(await focusRingShows(page), 'Download CSV shows focus');
      } finally {
        await page.close();
      }
    });

    it('charts a pause history kept by an earlier version, building its day roll-ups on the first open', async () => {
      const fresh = await launch(kind, testBuild(kind));
      try {
        const now = Date.now();
        const at = (minutesAgo: number, seq: number) => `${Math.floor(now - minutesAgo * 60_000).toString(36).padStart(9, '0')}-${String(seq).padStart(8, '0')}`;
        const record = (minutesAgo: number, seq: number, choice: string) => ({
          v: 1, id: at(minutesAgo, seq), siteId: 'reddit', siteLabel: 'Reddit', host: 'www.reddit.com', shownAt: Math.floor(now - minutesAgo * 60_000), reason: 'arrived', waitSeconds: 5, choice,
          ...(choice === 'continue' ? { decidedAt: now, windowMinutes: 10 } : {}),
        });
        const older = [record(3, 1, 'leave'), record(2, 2, 'leave'), record(1, 3, 'continue')];
        const probe = await openExtensionPage(fresh, '/options.html');
        // As the earlier version kept it: database version 1 holding the pauses store only (bulk data from an older version, written directly).
        const made = await probe.evaluate(`new Promise((resolve, reject) => {
          const del = indexedDB.deleteDatabase('pause-moment-log');
          del.onerror = () => reject(del.error);
          del.onsuccess = () => {
            const open = indexedDB.open('pause-moment-log', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('pauses');
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction('pauses', 'readwrite');
              for (const r of ${JSON.stringify(older)}) tx.objectStore('pauses').put(r, r.id);
              tx.oncomplete = () => { db.close(); resolve(db.version); };
            };
          };
        })`);
        assert.equal(made, 1);
        await probe.close();
        const page = await openExtensionPage(fresh, '/insights.html');
        await page.waitForSelector('main[data-ready="year"]');
        assert.equal(await summaryOf(page, 'choices'), '3 pauses in the last 7 days: you left 2 times (67%) and continued 1.');
        await page.click('[data-view="sites"] button[aria-pressed]');
        assert.deepEqual((await tableOf(page, 'sites'))[1]?.slice(0, 6), ['Reddit', '3', '2', '1', '67%', '10']);
        await page.close();
      } finally {
        await fresh.close();
      }
    });

    if (kind === 'chromium') {
      it('writes its screenshots, light and dark, for the README', async () => {
        const page = await openExtensionPage(h, '/insights.html');
        try {
          await page.setViewport({ width: 1200, height: 900 });
          await mkdir(DOCS, { recursive: true });
          for (const scheme of ['light', 'dark'] as const) {
            await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
            await page.reload();
            await page.waitForSelector('main[data-ready="year"]');
            const png = await page.screenshot({ type: 'png', fullPage: true });
            await writeFile(resolve(DOCS, `insights-${scheme}.png`), png);
          }
        } finally {
          await page.close();
        }
      });
    }
  });
}
