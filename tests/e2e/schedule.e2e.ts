import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { launch, openExtensionPage, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import { ForegroundTabs, addSiteInOptions, pauseHost, pauseIdOf, setWaitInOptions, testBuild, waitForLetIn, waitForPause, expectCoveredAtStart, waitForPauseRecord, waitForRegistered } from './pause-driver.ts';

const DAY_MINUTES = 24 * 60;
/**
 * The browsers run on this zone's clock (they take TZ from the environment
 * they start in): half an hour off whole-hour zones, so a schedule read on
 * UTC, or on whole hours only, would be visibly wrong.
 */
const BROWSER_TIME_ZONE = 'Australia/Lord_Howe';
const pad = (n: number): string => String(n).padStart(2, '0');
/** Minutes after midnight as the options page writes them: 9:05. */
const clock = (minutes: number): string => `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;

/** The browser's own clock: now, and the minute of its day (in the time zone the browser runs in), read in an extension page. */
async function browserClock(h: Harness): Promise<{ now: number; minute: number; second: number }> {
  const page = await openExtensionPage(h, '/options.html');
  try {
    assert.equal(await page.evaluate('Intl.DateTimeFormat().resolvedOptions().timeZone'), BROWSER_TIME_ZONE, "the browser's time zone");
    return (await page.evaluate(`(() => { const d = new Date(); return { now: d.getTime(), minute: d.getHours() * 60 + d.getMinutes(), second: d.getSeconds() + d.getMilliseconds() / 1000 }; })()`)) as {
    now: number;
      minute: number;
      second: number;
    };
  } finally {
    await page.close();
  }
}

/**
 * Types a time into a time field, as a person does with the keyboard: the
 * hour, the minutes and, on a 12-hour clock, AM or PM. The field's segments
 * follow the browser's locale, so the test asks the page which clock it uses.
 */
async function typeTime(page: Page, selector: string, minutes: number): Promise<void> {
  const twelve = (await page.evaluate(`new Intl.DateTimeFormat(navigator.language, { hour: 'numeric' }).resolvedOptions().hour12 === true`)) as boolean;
  const hour = Math.floor(minutes / 60);
  const keys = twelve ? `${pad(hour % 12 || 12)}${pad(minutes % 60)}${hour < 12 ? 'A' : 'P'}` : `${pad(hour)}${pad(minutes % 60)}`;
  await page.focus(selector);
  await page.keyboard.type(keys);
  const want = `${pad(hour)}:${pad(minutes % 60)}`;
  await waitFor(() => page.evaluate(`document.querySelector(${JSON.stringify(selector)}).value === ${JSON.stringify(want)}`), {
    message: `the field ${selector} to hold ${want} after typing "${keys}" (it holds ${await page.$eval(selector, (el) => (el as HTMLInputElement).value)})`,
  });
}

/**
 * Sets, on the options page as a person would, one time range for all sites:
 * every day, from `from` to `to` (minutes after midnight). It adds the range
 * if there is none, ticks every day, types both times, and waits for the
 * page's summary to say what was saved.
 */
async function setEveryDayRange(h: Harness, from: number, to: number): Promise<void> {
  const options = await openExtensionPage(h, '/options.html');
  try {
    const group = `[aria-labelledby="schedule-title"] [role=group]`;
    await options.waitForSelector(group);
    await waitFor(() => options.evaluate(`!document.querySelector('#schedule-site')?.disabled`), { message: 'the options page to load' });
    if (!(await options.$(`${group} li`))) {
      await options.click(`${group} > button`);
      await options.waitForSelector(`${group} li input[type=time]`);
    }
    for (let i = 1; i <= 7; i++) {
      const day = `${group} li:first-child .day:nth-of-type(${i}) input`;
      if (!(await options.$eval(day, (el) => (el as HTMLInputElement).checked))) {
        await options.focus(day);
        await options.keyboard.type(' ');
      }
    }
    await typeTime(options, `${group} li:first-child input.to`, to);
    await typeTime(options, `${group} li:first-child input.from`, from);
    const summary = `Pauses every day ${clock(from)}–${clock(to)}${to < from && to > 0 ? ' the next day' : ''}.`;
    await waitFor(() => options.evaluate(`document.querySelector('${group} .summary').textContent.trim() === ${JSON.stringify(summary)}`), {
      message: `the options page to say "${summary}"`,
    });
  } finally {
    await options.close();
  }
}

/** What "Does this address pause?" on the options page says about `address`. */
async function testerSays(h: Harness, address: string): Promise<string> {
  const options = await openExtensionPage(h, '/options.html');
  try {
    await options.waitForSelector('#tester-input');
    await options.focus('#tester-input');
    await options.keyboard.type(address);
    return await waitFor(() => options.evaluate(`document.querySelector('#tester-answer').textContent.trim()`) as Promise<string>, {
      message: 'the address tester to answer',
    });
  } finally {
    await options.close();
  }
}

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`schedules, in ${kind}`, { timeout: 240_000 }, () => {
    let h: Harness;
    let server: FixtureServer;

    const tabs = new ForegroundTabs(() => h);
    const open = (url: string): Promise<Page> => tabs.open(url);

    before(async () => {
      process.env.TZ = BROWSER_TIME_ZONE;
      server = await startFixtureServer();
      h = await launch(kind, testBuild(kind));
      const added = await addSiteInOptions(h, '127.0.0.1');
      assert.match(added.status, /Added 127\.0\.0\.1/, JSON.stringify(added));
      await waitForRegistered(h, '*://127.0.0.1/*');
      await setWaitInOptions(h, 'site:127.0.0.1', 1);
    });

    afterEach(async () => {
      await tabs.closeAll();
    });

    after(async () => {
      await h?.close();
      await server?.close();
    });

    it('does not pause outside the hours set on the options page, and says when it next will', async () => {
      const { minute } = await browserClock(h);
      // Two to three hours from now: the range leaves now out, whatever the time of day.
      const from = (minute + 120) % DAY_MINUTES;
      const to = (minute + 180) % DAY_MINUTES;
      await setEveryDayRange(h, from, to);
      const said = await testerSays(h, server.url('/feed.html'));
      assert.match(said, new RegExp(`^Not now: 127\\.0\\.0\\.1 pauses every day ${clock(from)}–${clock(to)}.*; the next starts (today|tomorrow) ${clock(from)}\\.$`), said);
      const page = await open(server.url('/feed.html'));
      // The guard covered the page at its start and then took the cover away: it decided, and not to pause.
      await waitForLetIn(page);
      // In Firefox, where the guard may start after the page's first script, the next test shows it runs and decides.
      await expectCoveredAtStart(page, kind, 'the guard ran on the page');
      assert.equal(await pauseHost(page), null, 'no pause on the page');
    });

    it('pauses an open page when its hours begin, without a reload', async () => {
      const { now, minute, second } = await browserClock(h);
      // The next minute boundary, or the one after when it is too close to set the range and open the page first.
      const ahead = 60 - second < 30 ? 2 : 1;
      const from = (minute + ahead) % DAY_MINUTES;
      const startsAt = now - second * 1000 + ahead * 60_000;
      await setEveryDayRange(h, from, (from + 30) % DAY_MINUTES);

      const page = await open(server.url('/feed.html'));
      await waitForLetIn(page);
      assert.ok(Date.now() < startsAt - 1000, `the page was open and let in before the hours began (${Math.round((startsAt - Date.now()) / 1000)} s before)`);
      // A mark of this very document: a reload would wipe it.
      await page.evaluate('window.sameDocument = true');

      const frame = await waitForPause(page, h, startsAt - Date.now() + 20_000);
      const shownAt = Date.now();
      assert.ok(shownAt >= startsAt, `the pause came once the hours began, not before (${shownAt - startsAt} ms after)`);
      assert.ok(shownAt - startsAt < 17_000, `the pause came soon after the hours began (${shownAt - startsAt} ms after)`);
      assert.equal(await page.evaluate('window.sameDocument'), true, 'the page was not reloaded');
      const id = await pauseIdOf(frame);
      const records = await waitForPauseRecord(h, id);
      assert.equal(records.find((r) => r.id === id)?.reason, 'arrived');
    });
  });
}
