/**
 * A browser in German: the extension speaks German where its words are
 * translated (locales/de.yml): the pause, its Continue step, and the
 * extension's name. The site is added through the options page, the pause
 * is answered as a person would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import { addSiteInOptions, clickInPause, inExtension, pauseText, setWaitInOptions, storedSites, testBuild, turnOffLongerWaits, waitForPause, waitForRegistered } from './pause-driver.ts';

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`Pause Moment in a German ${kind}`, { timeout: 120_000 }, () => {
    let h: Harness;
    let server: FixtureServer;

    before(async () => {
      server = await startFixtureServer();
      h = await launch(kind, testBuild(kind), { language: 'de' });
    });
    after(async () => {
      await h?.close();
      await server?.close();
    });

    it('asks "Ist das wirklich meine Entscheidung?" and offers Gehen and Weiter, in German throughout the pause', async () => {
      const language = await inExtension<string>(h, `() => (globalThis.browser ?? chrome).i18n.getUILanguage()`);
      assert.match(language, /^de/, 'the browser runs in German');
      assert.equal(await inExtension<string>(h, `() => (globalThis.browser ?? chrome).i18n.getMessage('extName')`), 'Pause Moment');

      await addSiteInOptions(h, '127.0.0.1');
      await waitForRegistered(h, '*://127.0.0.1/*');
      const site = (await storedSites(h)).find((s) => s.label === '127.0.0.1')!;
      await setWaitInOptions(h, site.id, 1);
      await turnOffLongerWaits(h);

      const page = await h.browser.newPage();
      await page.goto(server.url('/feed.html'));
      const frame = await waitForPause(page, h);
      assert.equal(await frame.evaluate('document.documentElement.lang'), language.replace('_', '-'));
      const text = await pauseText(frame);
      assert.match(text, /Ist das wirklich meine Entscheidung\?/);
      assert.match(text, /Du bist dabei, 127\.0\.0\.1 zu öffnen\./);
      assert.match(text, /Gehen/);
      assert.doesNotMatch(text, /Is this really my choice|Leave|Take a breath/);

      // The wait is over: Weiter asks for how long, in German.
      await waitFor(() => frame.evaluate(`[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Weiter' && !b.disabled)`), {
        message: 'Weiter to open',
      });
      await clickInPause(page, frame, 'Weiter');
      await waitFor(async () => /Wie lange\?/.test(await pauseText(frame)), { message: 'the Continue step in German' });
      const step = await pauseText(frame);
      assert.match(step, /15 Min\./);
      assert.match(step, /Zurück/);
      assert.doesNotMatch(step, /For how long|Back\b/);
      await page.close();
    });
  });
}
