/**
 * A browser in German: the extension speaks German where its words are
 * translated (locales/de.yml): the pause, its Continue step, the popup
 * with its journal, and the extension's name. The site is added through the
 * options page, the pause is answered and a reflection written as a person
 * would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { launch, openExtensionPage, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import { addSiteInOptions, clickInPause, inExtension, pauseText, setWaitInOptions, storedSites, testBuild, turnOffLongerWaits, waitForPause, waitForRegistered } from './pause-driver.ts';

/**
 * The English words of the popup and the journal (locales/en.yml, `popup:`), each message cut at its
 * `{holes}` and plural bar into the pieces a page would show, leaving out pieces too short to tell.
 */
async function englishPopupWords(): Promise<string[]> {
  const messages = generateChromeMessages(await parseMessagesFile(resolve(import.meta.dirname, '../../locales/en.yml')));
  return Object.entries(messages)
    .filter(([key]) => key.startsWith('popup_'))
    .flatMap(([, m]) => m.message.split(/\{\w+\}| \| /))
    .map((piece) => piece.replace(/^[\s:,.#(]+|[\s:,(]+$/g, ''))
    .filter((piece) => piece.length >= 4);
}

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

    it('writes a reflection in the popup, in German throughout: prompt, buttons, the saved line and the journal', async () => {
      const popup = await openExtensionPage(h, '/popup.html');
      try {
        await waitFor(() => popup.evaluate(`!!document.querySelector('textarea') && !document.querySelector('textarea').disabled`), { message: 'the journal box to be ready' });
        const language = await inExtension<string>(h, `() => (globalThis.browser ?? chrome).i18n.getUILanguage()`);
        assert.equal(await popup.evaluate('document.documentElement.lang'), language.replace('_', '-'));
        const click = (label: string) =>
          popup.evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(label)}).click()`);

        // Answer the suggested question, as a person would.
        const prompt = (await popup.evaluate(`document.getElementById('journal-prompt').textContent.trim()`)) as string;
        await click('Darauf antworten');
        await waitFor(() => popup.evaluate(`/Deine Antwort auf:/.test(document.getElementById('journal-prompt')?.textContent ?? '')`), { message: 'the prompt answered' });
        await popup.focus('textarea');
        await popup.keyboard.type('Ein ruhiger Abend statt Scrollen #ruhe');
        await click('Eintrag speichern');
        await waitFor(() => popup.evaluate(`[...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim() === 'Gespeichert.')`), {
          message: 'the saved line in German',
        });
        await waitFor(() => popup.evaluate(`[...document.querySelectorAll('.journal .item .text')].some((p) => p.textContent === 'Ein ruhiger Abend statt Scrollen #ruhe')`), {
          message: 'the reflection listed',
        });
        assert.equal(await popup.evaluate(`document.querySelector('.journal .item .prompt').textContent`), prompt, 'the German question saved with it');

        const text = (await popup.evaluate('document.body.innerText')) as string;
        for (const german of ['Deine Einträge', 'Eintrag speichern', 'Strg+Enter zum Speichern', 'Gespeichert.', 'Bearbeiten', 'Löschen', 'Andere Frage', 'Seiten auswählen']) {
          assert.ok(text.includes(german), `the popup says ${JSON.stringify(german)}`);
        }
        // What is not seen but read out, or shown on hover: names, placeholders and titles.
        const unseen = (await popup.evaluate(
          `[...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) => ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? '')).join('\\n')`,
        )) as string;
        assert.match(unseen, /Einträge durchsuchen/);
        assert.match(unseen, /Ein paar Worte genügen/);
        const english = (await englishPopupWords()).filter((words) => text.includes(words) || unseen.includes(words));
        assert.deepEqual(english, [], 'no English words of the popup left');
        assert.match(prompt, /\?$/);
        assert.doesNotMatch(prompt, /\b(What|Where|Which|Is there|How|Did I)\b/, 'the question in German');
      } finally {
        await popup.close();
      }
    });
  });
}
