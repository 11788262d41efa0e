/**
 * A browser in German: the extension speaks German where its words are
 * translated (locales/de.yml): the pause, its Continue step, the popup
 * with its journal, the options page and the privacy policy it opens,
 * Insights, and the extension's name. The site is added through the options
 * page, the pause is answered, a reflection written, a site mistyped and the
 * privacy policy opened as a person would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { clickElement, launch, openExtensionPage, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import {
  addSiteInOptions,
  clickInPause,
  inExtension,
  pauseIdOf,
  pauseText,
  setWaitInOptions,
  storedSites,
  testBuild,
  turnOffLongerWaits,
  waitForPause,
  waitForPauseRecord,
  waitForRegistered,
} from './pause-driver.ts';

/** The messages of one section of a catalogue (`popup_`, `options_`), as the browser reads them. */
async function messagesIn(language: 'en' | 'de', section: string): Promise<string[]> {
  const messages = generateChromeMessages(await parseMessagesFile(resolve(import.meta.dirname, `../../locales/${language}.yml`)));
  return Object.entries(messages)
    .filter(([key]) => key.startsWith(section))
    .map(([, m]) => m.message);
}

/**
 * The English words of a section, each message cut at its `{holes}` and plural bar into the
 * pieces a page would show, leaving out pieces too short to tell.
 */
async function englishWords(section: string): Promise<string[]> {
  return (await messagesIn('en', section))
    .flatMap((message) => message.split(/\{\w+\}| \| /))
    .map((piece) => piece.replace(/^[\s:,.#(]+|[\s:,(]+$/g, ''))
    .filter((piece) => piece.length >= 4);
}

/** The English words of the popup and the journal (locales/en.yml, `popup:`). */
const englishPopupWords = (): Promise<string[]> => englishWords('popup_');

/**
 * The English words of the options page (locales/en.yml, `options:`), leaving out those its German
 * words use too ("Feeds", an address's ".com").
 */
async function englishOptionsWords(): Promise<string[]> {
  const german = (await messagesIn('de', 'options_')).map((message) => message.replace(/\{\w+\}/g, ' ')).join('\n');
  return (await englishWords('options_')).filter((piece) => !german.includes(piece));
}

/** The English words of the Insights page (locales/en.yml, `insights:`). */
const englishInsightsWords = (): Promise<string[]> => englishWords('insights_');

/** A privacy policy page open in a tab: its language, title, heading and text. */
interface PolicyTab {
  lang: string;
  title: string;
  heading: string;
  text: string;
}

/**
 * The privacy policy pages open in tabs at `path`, as the extension sees its own pages
 * (Firefox tells puppeteer of no tab that an extension page opens).
 */
function policyTabs(h: Harness, path: string): Promise<PolicyTab[]> {
  return inExtension<PolicyTab[]>(
    h,
    `(path) => (globalThis.browser ?? chrome).extension.getViews({ type: 'tab' })
      .filter((w) => w.location.pathname === path && w.document.readyState === 'complete')
      .map((w) => ({ lang: w.document.documentElement.lang, title: w.document.title,
        heading: w.document.querySelector('h1')?.textContent.trim() ?? '', text: w.document.body.innerText }))`,
    path,
  );
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

    it('shows the options page in German, with the settings and times of a site, says in German what is wrong with a mistyped site, and opens the privacy policy in German', async () => {
      const options = await openExtensionPage(h, '/options.html');
      try {
        await options.waitForSelector('#site-input');
        await waitFor(() => options.evaluate(`!document.querySelector('form.add button').disabled && !!document.querySelector('li.site')`), {
          message: 'the options page to load, with the site added earlier',
        });
        const language = await inExtension<string>(h, `() => (globalThis.browser ?? chrome).i18n.getUILanguage()`);
        assert.equal(await options.evaluate('document.documentElement.lang'), language.replace('_', '-'));
        assert.equal(await options.title(), 'Pause Moment – Einstellungen');
        const click = (label: string) =>
          options.evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(label)}).click()`);

        // The site's own settings, and a time range for all sites, opened as a person would.
        await click('Mehr für 127.0.0.1');
        await click('Zeitraum hinzufügen');
        await waitFor(() => options.evaluate(`/Deine Seiten pausieren montags bis freitags/.test(document.body.innerText)`), { message: 'the new time range saved' });

        const text = (await options.evaluate('document.body.innerText')) as string;
        for (const german of [
          'Feeds und soziale Medien',
          'Meine Seiten',
          'Seite oder Unterseite hinzufügen',
          'Hinzufügen',
          'Wann es Pausen gibt',
          'Deine Seiten pausieren montags bis freitags 9:00–17:00.',
          'Zeitraum 1: montags bis freitags 9:00–17:00',
          'Zeitraum hinzufügen',
          'Die Pause',
          'Mit jedem Besuch am Tag länger warten',
          'Pausiert diese Adresse?',
          'Online-Meetings',
          'Deine Daten',
          'Alles exportieren (JSON)',
          'Alles löschen …',
          'Warten vor „Weiter“',
          'Ausnahme hinzufügen',
          'Nicht fragen',
          'Die Frage und einen Atemzug',
          'Check-in: „Geht es noch um das, wofür ich hier bin?“',
        ]) {
          assert.ok(text.includes(german), `the options page says ${JSON.stringify(german)}`);
        }
        // What is not seen but read out: names of controls, like each day of a time range.
        const unseen = (await options.evaluate(
          `[...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) => ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? '')).join('\\n')`,
        )) as string;
        assert.match(unseen, /127\.0\.0\.1 entfernen/);
        assert.match(unseen, /Zeitraum 1 entfernen/);
        assert.match(unseen, /\bMontag\b/);
        const english = (await englishOptionsWords()).filter((words) => text.includes(words) || unseen.includes(words));
        assert.deepEqual(english, [], 'no English words of the options page left');
        assert.doesNotMatch(text, /\b(Monday|weekdays|Remove|Add)\b/);

        // The time range goes again, as a person would remove it.
        await options.evaluate(`document.querySelector('.schedule ol li button.danger').click()`);
        await waitFor(() => options.evaluate(`/Deine Seiten pausieren jederzeit\\./.test(document.body.innerText)`), { message: 'the time range removed' });

        // A mistyped site, typed and sent as a person would: the field says what is wrong, in German.
        await options.focus('#site-input');
        await options.keyboard.type('reddit..com');
        await options.keyboard.press('Enter');
        await waitFor(() => options.evaluate(`document.querySelector('#site-error').textContent.trim() !== ''`), { message: 'the error for a mistyped site' });
        assert.equal(await options.evaluate(`document.querySelector('#site-error').textContent.trim()`), '„reddit..com“ hat einen Punkt zu viel.');
        assert.equal(await options.evaluate(`document.querySelector('#site-input').getAttribute('aria-invalid')`), 'true');

        // Datenschutz opens the privacy policy in German, clicked as a person would.
        const link = 'header a[href="/privacy.de.html"]';
        assert.equal(await options.evaluate(`document.querySelector(${JSON.stringify(link)})?.textContent.trim()`), 'Datenschutz');
        await options.evaluate(`document.querySelector(${JSON.stringify(link)}).scrollIntoView({ block: 'center' })`);
        await options.bringToFront();
        await clickElement(options, link);
        const [policy] = await waitFor(async () => {
          const tabs = await policyTabs(h, '/privacy.de.html');
          return tabs.length > 0 && tabs;
        }, { message: 'the German privacy policy to open in a tab' });
        assert.equal(policy!.lang, 'de');
        assert.equal(policy!.heading, 'Datenschutzerklärung von Pause Moment');
        assert.equal(policy!.title, 'Datenschutzerklärung von Pause Moment');
        for (const german of ['Kurz gesagt', 'Was Pause Moment speichert', 'Berechtigungen', 'So löschst du deine Daten', 'Alles löschen']) {
          assert.ok(policy!.text.includes(german), `the policy says ${JSON.stringify(german)}`);
        }
        assert.doesNotMatch(policy!.text, /In short|privacy policy|What Pause Moment keeps|Permissions/);
        assert.deepEqual(await policyTabs(h, '/privacy.html'), [], 'no English policy opened');
        await inExtension(
          h,
          `() => (globalThis.browser ?? chrome).extension.getViews({ type: 'tab' }).filter((w) => w.location.pathname === '/privacy.de.html').forEach((w) => w.close())`,
        );
        await waitFor(async () => (await policyTabs(h, '/privacy.de.html')).length === 0, { message: 'the policy tab to close' });
      } finally {
        await options.close();
      }
    });

    it('shows Insights in German: headings, sentences, tables, weekdays, dates and percentages, with no English left', async () => {
      if (!(await storedSites(h)).some((s) => s.label === '127.0.0.1')) {
        await addSiteInOptions(h, '127.0.0.1');
        await waitForRegistered(h, '*://127.0.0.1/*');
      }
      // A pause answered with Gehen, as a person would.
      const tab = await h.browser.newPage();
      await tab.goto(server.url('/feed.html'));
      const frame = await waitForPause(tab, h);
      const id = await pauseIdOf(frame);
      await clickInPause(tab, frame, 'Gehen');
      await waitFor(async () => (await waitForPauseRecord(h, id)).find((r) => r.id === id)?.choice === 'leave', { message: 'the Gehen to be recorded' });
      await tab.close().catch(() => undefined);

      const page = await openExtensionPage(h, '/insights.html');
      try {
        await page.waitForSelector('main[data-ready="year"]');
        const language = await inExtension<string>(h, `() => (globalThis.browser ?? chrome).i18n.getUILanguage()`);
        assert.equal(await page.evaluate('document.documentElement.lang'), language.replace('_', '-'));
        assert.equal(await page.evaluate('document.title'), 'Einblicke · Pause Moment');

        // This week in words, with the share as German writes it ("50 %").
        const headline = (await page.$eval('.headline', (p) => p.textContent ?? '')) as string;
        assert.match(headline, /^Bei \d+\s% der Pausen bist du gegangen/);
        const summary = (await page.evaluate(`document.querySelector('[data-view="choices"] .summary').textContent`)) as string;
        assert.match(summary, /^\d+ Pausen? in den letzten 7 Tagen: \d+-mal gegangen \(\d+\s%\), \d+-mal weitergemacht\.$/);
        // Days along the axis as German writes them ("2.12."), and the share's scale ("100 %").
        const axis = (await page.evaluate(`[...document.querySelectorAll('[data-view="choices"] svg text.axis')].map((t) => t.textContent)`)) as string[];
        assert.ok(axis.some((t) => /^\d{1,2}\.\d{1,2}\.$/.test(t)), `German dates on the axis: ${axis.join(', ')}`);
        assert.ok(axis.some((t) => /^100\s%$/.test(t)), 'the share axis in German');

        // The weekday map's table names the days in German, Monday first.
        await page.click('[data-view="when"] button[aria-pressed]');
        await page.waitForSelector('[data-view="when"] table');
        const days = (await page.evaluate(`[...document.querySelectorAll('[data-view="when"] tbody th')].map((th) => th.textContent.trim())`)) as string[];
        assert.equal(days.length, 7);
        assert.match(days[0]!, /^Mo\.?$/);
        assert.match(days[6]!, /^So\.?$/);
        await page.click('[data-view="sites"] button[aria-pressed]');
        await page.waitForSelector('[data-view="sites"] table');

        const text = (await page.evaluate('document.body.innerText')) as string;
        for (const german of [
          'Einblicke',
          'Deine Entscheidungen im Verlauf',
          'Wo',
          'Wann',
          'Deine Zeitfenster',
          'Zurückgewonnene Zeit',
          'Tagebuch',
          'Bevor du zustimmst',
          'Zahlen zeigen',
          'CSV herunterladen',
          '7 Tage',
          'Jahr',
          'Pausen nach Wochentag und Uhrzeit',
          'Wochentag',
          'Anteil gegangen',
          'Gewählte Minuten',
        ]) {
          assert.ok(text.includes(german), `Insights says ${JSON.stringify(german)}`);
        }
        // What is not seen but read out, or shown on hover: names, titles and the charts' tooltips.
        const unseen = (await page.evaluate(
          `[...document.querySelectorAll('[aria-label], [title]')].flatMap((e) => ['aria-label', 'title'].map((a) => e.getAttribute(a) ?? ''))
            .concat([...document.querySelectorAll('svg title, .visually-hidden')].map((e) => e.textContent)).join('\\n')`,
        )) as string;
        assert.match(unseen, /Pausen pro Tag in den letzten 7 Tagen/);
        assert.match(unseen, /– Pausen nach Seite/);
        const english = (await englishInsightsWords()).filter((words) => text.includes(words) || unseen.includes(words));
        assert.deepEqual(english, [], 'no English words of Insights left');
      } finally {
        await page.close();
      }
    });
  });
}
