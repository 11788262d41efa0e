import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { launch, openExtensionPage, startFixtureServer, waitFor, waitForExtensionFrame, type BrowserKind, type FixtureServer, type Harness } from './harness/index.ts';
import { addSiteInOptions, clickInPause, inExtension, pauseButtonEnabled, setWaitInOptions, testBuild, waitForPause } from './pause-driver.ts';
import { timeSortableId } from '../../lib/browser/ids.ts';
import { newReflection } from '../../lib/journal/reflection.ts';
import { PAUSE_HINT_ALARM } from '../../lib/pause/pause-hints.ts';

/** Opens the popup page (as a tab: what it shows does not depend on where it opens). */
async function openPopup(h: Harness): Promise<Page> {
  const page = await openExtensionPage(h, '/popup.html');
  await waitFor(() => page.evaluate(`!!document.querySelector('textarea') && !document.querySelector('textarea').disabled`), {
    message: 'the journal box to be ready',
  });
  return page;
}

/** The texts of the reflections the popup lists, newest first. */
function listedTexts(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.journal .item .text')].map((p) => p.textContent)`) as Promise<string[]>;
}

/** Saves what is in the journal box, with Ctrl+Enter. */
async function saveByKeyboard(popup: Page): Promise<void> {
  await popup.keyboard.down('Control');
  await popup.keyboard.press('Enter');
  await popup.keyboard.up('Control');
}

/** The prompt each listed reflection shows above its text ('' for none), newest first. */
function listedPrompts(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.journal .item')].map((li) => li.querySelector('.prompt')?.textContent ?? '')`) as Promise<string[]>;
}

/** Chooses 127.0.0.1 on the options page with no wait, opens the fixture feed there, and returns the tab and its pause. */
async function pauseAtChosenSite(h: Harness, server: FixtureServer): Promise<{ page: Page; frame: Frame }> {
  await addSiteInOptions(h, '127.0.0.1');
  await setWaitInOptions(h, 'site:127.0.0.1', 0);
  const page = await h.browser.newPage();
  await page.goto(server.url('/feed.html'), { waitUntil: 'domcontentloaded' });
  return { page, frame: await waitForPause(page, h) };
}

/** Reads everything the JSON export button downloads, by catching the file the page hands to the browser. */
async function exportThroughOptions(h: Harness): Promise<string> {
  const options = await openExtensionPage(h, '/options.html');
  try {
    await options.evaluate(`(() => {
      window.downloaded = new Promise((resolve) => {
        HTMLAnchorElement.prototype.click = function () { fetch(this.href).then((r) => r.text()).then(resolve); };
      });
    })()`);
    await options.evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent.includes('Export everything')).click()`);
    return (await options.evaluate('window.downloaded')) as string;
  } finally {
    await options.close();
  }
}

/**
 * Everything the extension keeps, as its own pages see it: every key in each
 * storage area, its alarms, and each IndexedDB database with the number of
 * records in each store.
 */
/** The toolbar icon's badge, as the extension reads it back. */
function badge(h: Harness): Promise<string> {
  return inExtension<string>(h, `async () => (globalThis.browser ?? chrome).action.getBadgeText({})`);
}

async function listKept(h: Harness): Promise<{
  local: Record<string, unknown>;
  sync: Record<string, unknown>;
  session: Record<string, unknown>;
  alarms: string[];
  databases: Array<{ name: string; stores: Record<string, number> }>;
}> {
  const page = await openExtensionPage(h, '/options.html');
  try {
    return (await page.evaluate(`(async () => {
      const api = globalThis.browser ?? chrome;
      const area = async (name) => (api.storage[name] ? await api.storage[name].get(null).catch(() => ({})) : {});
      const count = (db, store) => new Promise((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const databases = [];
      for (const { name } of (await indexedDB.databases()).sort((a, b) => a.name.localeCompare(b.name))) {
        const db = await new Promise((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const stores = {};
        for (const store of [...db.objectStoreNames].sort()) stores[store] = await count(db, store);
        db.close();
        databases.push({ name, stores });
      }
      return {
        local: await area('local'),
        sync: await area('sync'),
        session: await area('session'),
        alarms: (await api.alarms.getAll()).map((a) => a.name),
        databases,
      };
    })()`)) as Awaited<ReturnType<typeof listKept>>;
  } finally {
    await page.close();
  }
}

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`the journal, in ${kind}`, { timeout: 180_000 }, () => {
    let server: FixtureServer;
    let profile: string;
    let exported = '';

    before(async () => {
      server = await startFixtureServer();
      profile = await mkdtemp(join(tmpdir(), `pause-moment-journal-${kind}-`));
    });
    after(async () => {
      await server?.close();
      await rm(profile, { recursive: true, force: true });
    });

    it('keeps a draft when the popup closes mid-sentence, saves with Ctrl+Enter, and shows text as text', async () => {
      const h = await launch(kind, testBuild(kind), { userDataDir: profile });
      try {
        let popup = await openPopup(h);
        assert.ok(await popup.evaluate(`document.activeElement === document.querySelector('textarea')`), 'the popup opens onto the journal box');
        await popup.keyboard.type('Today I said yes to the offsite when I meant');
        await popup.close();
        popup = await openPopup(h);
        assert.equal(await popup.evaluate(`document.querySelector('textarea').value`), 'Today I said yes to the offsite when I meant');
        await popup.focus('textarea');
        await popup.keyboard.type(' no. #boundary <img src=x onerror="document.title=1">');
        await saveByKeyboard(popup);
        await waitFor(async () => (await listedTexts(popup)).length === 1, { message: 'the reflection to be listed' });
        assert.equal(await popup.evaluate(`document.querySelector('textarea').value`), '', 'the box is empty for the next one');
        assert.deepEqual(await listedTexts(popup), ['Today I said yes to the offsite when I meant no. #boundary <img src=x onerror="document.title=1">']);
        assert.equal(await popup.evaluate(`document.querySelectorAll('.journal img').length`), 0, 'no markup from the text');
        await popup.close();
        popup = await openPopup(h);
        assert.equal(await popup.evaluate(`document.querySelector('textarea').value`), '', 'the saved draft is gone');
        assert.equal((await listedTexts(popup)).length, 1);
      } finally {
        await h.close();
      }
    });

    it('keeps a note typed at a site pause, linked to it, and finds it by search and tag', async () => {
      const h = await launch(kind, testBuild(kind), { userDataDir: profile });
      try {
        const { page, frame } = await pauseAtChosenSite(h, server);
        // Marks this load of the pause page: a pause that loaded again under the note would lose it.
        await frame.evaluate(`window.loadBeforeTheNote = true; document.querySelector('#pause-note').focus()`);
        await page.keyboard.type('I want to rest, not scroll #mychoice');
        await page.keyboard.press('Enter');
        // The pause's frame is looked up afresh on each try and known by its mark, so a pause
        // page loaded again fails here by name, not as a frame handle puppeteer let go of.
        await waitFor(
          async () => {
            const now = await waitForExtensionFrame(page, h, '/pause.html', { timeout: 1000 });
            const seen = (await now.evaluate(`({ same: window.loadBeforeTheNote === true, saved: document.body.innerText.includes('Saved to your journal.') })`)) as {
              same: boolean;
              saved: boolean;
            };
            assert.ok(seen.same, 'the pause page stayed as it was while the note was typed and saved');
            return seen.saved;
          },
          { message: 'the note to be saved' },
        );
        const popup = await openPopup(h);
        await waitFor(async () => (await listedTexts(popup)).length === 2, { message: 'two reflections' });
        assert.equal((await listedTexts(popup))[0], 'I want to rest, not scroll #mychoice');
        await waitFor(() => popup.evaluate(`document.querySelector('.today')?.textContent === '1 pause today.'`), {
          message: 'the header to say "1 pause today." (a plain count, no share)',
        });
        assert.match((await popup.evaluate(`document.querySelector('.journal .item .meta').textContent`)) as string, /at a pause on 127\.0\.0\.1/);
        // A tag shows once, where it was written, and is what one clicks to find the others.
        assert.equal(((await popup.evaluate(`document.querySelector('.journal .item').innerText`)) as string).split('#mychoice').length - 1, 1);
        await popup.evaluate(`[...document.querySelectorAll('.journal .item .text .tag')].find((b) => b.textContent === '#boundary').click()`);
        await waitFor(async () => JSON.stringify(await listedTexts(popup)).includes('offsite') && (await listedTexts(popup)).length === 1, {
          message: 'the tag to filter',
        });
        await popup.evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Show all').click()`);
        await popup.focus('input[type=search]');
        await popup.keyboard.type('REST scroll');
        await waitFor(async () => (await listedTexts(popup)).join('|') === 'I want to rest, not scroll #mychoice', { message: 'the search to find the note' });
        exported = await exportThroughOptions(h);
      } finally {
        await h.close();
      }
    });

    it('records a prompt only when the user chose to answer it: in the list and in the export', async () => {
      const h = await launch(kind, testBuild(kind));
      try {
        const popup = await openPopup(h);
        const offered = (await popup.evaluate(`document.querySelector('#journal-prompt').textContent.trim()`)) as string;
        assert.ok(offered.endsWith('?'), 'a prompt is offered above the box');
        await popup.keyboard.type('Wrote freely: a walk instead of the feed.');
        await saveByKeyboard(popup);
        await waitFor(async () => (await listedTexts(popup)).length === 1, { message: 'the free reflection to be listed' });
        assert.deepEqual(await listedPrompts(popup), [''], 'a prompt that was only shown is not recorded');

        // Choosing the prompt, by keyboard: from the box, back past "Another prompt" to "Answer this".
        const chosen = (await popup.evaluate(`document.querySelector('#journal-prompt').textContent.trim()`)) as string;
        await popup.keyboard.down('Shift');
        await popup.keyboard.press('Tab');
        await popup.keyboard.press('Tab');
        await popup.keyboard.up('Shift');
        assert.equal(await popup.evaluate(`document.activeElement.textContent.trim()`), 'Answer this');
        await popup.keyboard.press('Enter');
        await waitFor(() => popup.evaluate(`document.activeElement === document.querySelector('textarea')`), { message: 'focus to go back to the box' });
        assert.equal(await popup.evaluate(`document.querySelector('#journal-prompt').textContent.trim()`), `Answering: ${chosen}`);
        await popup.keyboard.type('I want a quiet evening.');
        await saveByKeyboard(popup);
        await waitFor(async () => (await listedTexts(popup)).length === 2, { message: 'the answer to be listed' });
        assert.deepEqual(await listedTexts(popup), ['I want a quiet evening.', 'Wrote freely: a walk instead of the feed.']);
        assert.deepEqual(await listedPrompts(popup), [chosen, '']);

        const file = JSON.parse(await exportThroughOptions(h)) as { reflections: { text: string; prompt?: string }[] };
        const byText = new Map(file.reflections.map((r) => [r.text, r]));
        assert.equal(byText.get('I want a quiet evening.')?.prompt, chosen);
        assert.ok(!('prompt' in byText.get('Wrote freely: a walk instead of the feed.')!), 'the free reflection is exported with no prompt');
      } finally {
        await h.close();
      }
    });

    it('keeps the journal across a browser restart, and deleting can be undone', async () => {
      const h = await launch(kind, testBuild(kind), { userDataDir: profile });
      try {
        const popup = await openPopup(h);
        await waitFor(async () => (await listedTexts(popup)).length === 2, { message: 'both reflections after the restart' });
        // By keyboard: focus never falls to the page when the Delete button goes with its item.
        const first = (await popup.evaluate(`document.querySelector('.journal .item').dataset.id`)) as string;
        await popup.focus('.journal .item .danger');
        await popup.keyboard.press('Enter');
        await waitFor(async () => (await listedTexts(popup)).length === 1, { message: 'the delete' });
        await waitFor(() => popup.evaluate(`document.activeElement?.textContent.trim() === 'Undo'`), { message: 'focus to move to Undo' });
        await popup.keyboard.press('Enter');
        await waitFor(async () => (await listedTexts(popup)).length === 2, { message: 'the undo' });
        await waitFor(() => popup.evaluate(`document.activeElement?.matches('.item[data-id="${first}"] .danger') ?? false`), {
          message: "focus to go back to the restored reflection's Delete",
        });
      } finally {
        await h.close();
      }
    });

    it('an export imported into a fresh profile reproduces every entry; a broken file changes nothing', async () => {
      const file = JSON.parse(exported);
      assert.equal(file.format, 'pause-moment-export');
      assert.equal(file.reflections.length, 2);
      const dir = await mkdtemp(join(tmpdir(), 'pause-moment-import-'));
      const good = join(dir, 'export.json');
      const broken = join(dir, 'broken.json');
      await writeFile(good, exported);
      await writeFile(broken, exported.slice(0, Math.floor(exported.length / 2)));
      const h = await launch(kind, testBuild(kind));
      try {
        const options = await openExtensionPage(h, '/options.html');
        const input = (await options.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
        await input.uploadFile(broken);
        await waitFor(() => options.evaluate(`document.querySelector('.data [role=status]').textContent.includes('not imported')`), {
          message: 'the broken file to be refused',
        });
        assert.match((await options.evaluate(`document.querySelector('.data [role=status]').textContent`)) as string, /not valid JSON/);
        await input.uploadFile(good);
        await waitFor(() => options.evaluate(`document.querySelector('.data [role=status]').textContent.includes('Imported')`), {
          message: 'the import',
        });
        await options.close();
        const again = await exportThroughOptions(h);
        const reimported = JSON.parse(again);
        assert.deepEqual(reimported.reflections, file.reflections, 'every reflection, field for field');
        assert.deepEqual(reimported.pauses, file.pauses);
        assert.deepEqual(
          reimported.settings.sites.map((s: { id: string }) => s.id),
          file.settings.sites.map((s: { id: string }) => s.id),
        );
      } finally {
        await h.close();
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('the popup never scrolls as a page: with many reflections only the list scrolls; no score in the header', async () => {
      const h = await launch(kind, testBuild(kind));
      try {
        const popup = await openPopup(h);
        for (let i = 1; i <= 9; i++) {
          await popup.focus('textarea');
          await popup.keyboard.type(`Reflection ${i}: I noticed the pull to scroll and chose a walk around the block instead.`);
          await saveByKeyboard(popup);
          await waitFor(async () => (await listedTexts(popup)).length === i, { message: `reflection ${i} to be listed` });
        }
        // What scrolls: every element whose content is taller than its box and that lets it scroll.
        const layout = (await popup.evaluate(`(() => {
          const scrolls = [...document.querySelectorAll('*')].filter((el) => {
            const o = getComputedStyle(el).overflowY;
            return (o === 'auto' || o === 'scroll') && el.scrollHeight > el.clientHeight + 1;
          });
          const list = document.querySelector('.journal .list');
          return {
            docHeight: document.documentElement.scrollHeight,
            windowHeight: innerHeight,
            scrollers: scrolls.length,
            listScrolls: scrolls.length === 1 && scrolls[0].contains(list) && scrolls[0].closest('.journal') !== null,
          };
        })()`)) as { docHeight: number; windowHeight: number; scrollers: number; listScrolls: boolean };
        assert.equal(layout.docHeight, layout.windowHeight, 'the document is no taller than the popup window');
        assert.equal(layout.scrollers, 1, 'one thing scrolls');
        assert.ok(layout.listScrolls, 'and it is the list');
        // Scroll with the wheel over the list, as a person does: the list moves, the page does not.
        const box = (await popup.evaluate(`(() => { const r = document.querySelector('.journal .list').parentElement.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + Math.min(r.height / 2, 40) }; })()`)) as { x: number; y: number };
        await popup.mouse.move(box.x, box.y);
        for (let i = 0; i < 10; i++) await popup.mouse.wheel({ deltaY: 400 });
        await waitFor(() => popup.evaluate(`document.querySelector('.journal .list').parentElement.scrollTop > 0`), { message: 'the list to scroll' });
        assert.equal(await popup.evaluate('scrollY'), 0, 'the page stays put');
        // Before any pause there is nothing to count: no "0 times (0%)".
        assert.doesNotMatch((await popup.evaluate(`document.querySelector('header').innerText`)) as string, /\d|%/);
      } finally {
        await h.close();
      }
    });

    it('"Delete everything…" by keyboard: focus goes into the question, and back to the button when it is answered', async () => {
      const h = await launch(kind, testBuild(kind));
      try {
        const options = await openExtensionPage(h, '/options.html');
        const ask = `[...document.querySelectorAll('.data button')].find((b) => b.textContent.trim() === 'Delete everything…')`;
        const focused = () => options.evaluate(`(() => { const a = document.activeElement; return a === document.body ? 'body' : (a.closest('.confirm') ? 'confirm:' : '') + a.textContent.trim(); })()`);
        await waitFor(() => options.evaluate(`!!${ask} && !${ask}.disabled`), { message: 'the data panel' });
        await options.evaluate(`${ask}.focus()`);
        await options.keyboard.press('Enter');
        await waitFor(async () => (await focused()) === 'confirm:Keep my data', { message: 'focus to go into the question, on the safe choice' });
        await options.keyboard.press('Enter');
        await waitFor(async () => (await focused()) === 'Delete everything…', { message: 'focus back on the button after keeping' });
        await options.keyboard.press('Enter');
        await waitFor(async () => (await focused()) === 'confirm:Keep my data', { message: 'the question again' });
        await options.keyboard.press('Escape');
        await waitFor(async () => (await focused()) === 'Delete everything…', { message: 'Escape to close the question, focus back on the button' });
        await options.keyboard.press('Enter');
        await waitFor(async () => (await focused()) === 'confirm:Keep my data', { message: 'the question once more' });
        await options.keyboard.down('Shift');
        await options.keyboard.press('Tab');
        await options.keyboard.up('Shift');
        assert.equal(await focused(), 'confirm:Delete everything');
        await options.keyboard.press('Enter');
        await waitFor(() => options.evaluate(`document.querySelector('.data [role=status]').textContent.includes('Everything was deleted.')`), { message: 'the delete' });
        await waitFor(async () => (await focused()) === 'Delete everything…', { message: 'focus back on the button after deleting' });
      } finally {
        await h.close();
      }
    });

    it('"Delete everything" leaves nothing behind: every storage area, alarm and database store is empty but for the settings\' version mark', async () => {
      const h = await launch(kind, testBuild(kind));
      try {
        // Data of every kind a person makes here: a site, a pause with Continue (a record, an
        // open time and its alarm), a reflection, and an unsaved draft.
        const { page, frame } = await pauseAtChosenSite(h, server);
        await waitFor(() => pauseButtonEnabled(frame, 'Continue'), { message: 'Continue to open' });
        await clickInPause(page, frame, 'Continue');
        await waitFor(() => frame.evaluate(`!!document.querySelector('form.continue input[type=text]')`), { message: 'the Continue form' });
        await frame.evaluate(`document.querySelector('form.continue input[type=text]').focus()`);
        await page.keyboard.type('read one thread');
        await page.keyboard.press('Enter');
        await waitFor(() => page.evaluate(`!document.querySelector('pause-moment')`), { message: 'the page to open' });
        const popup = await openPopup(h);
        await popup.focus('textarea');
        await popup.keyboard.type('Chose the thread, left the feed.');
        await saveByKeyboard(popup);
        await waitFor(async () => (await listedTexts(popup)).length === 1, { message: 'the reflection' });
        await popup.keyboard.type('half a thought');
        await waitFor(async () => !!(await listKept(h)).local.journalDraft, { message: 'the draft to be kept' });
        // A snooze: kept with its alarm and the icon's badge, and recorded in the pause history.
        await popup.evaluate(`[...document.querySelectorAll('.snooze button')].find((b) => b.textContent.trim() === '1 hour').click()`);
        await waitFor(async () => !!(await listKept(h)).local.snooze, { message: 'the snooze to be kept' });
        await popup.close();
        // The settings' copy in sync storage (and what this browser last saw of them) is kept too.
        await waitFor(async () => !!(await listKept(h)).sync.settings, { message: "the settings' copy in sync storage" });
        const before = await listKept(h);
        assert.deepEqual(Object.keys(before.local).sort(), ['journalDraft', 'pauseStyles', 'settings', 'settings$', 'settingsSync', 'snooze', 'windows']);
        // The open time and the snooze have their alarms, and the pause's hints look again when the first of them ends.
        assert.equal(before.alarms.length, 3, `the open time's, the snooze's and the hints' alarms: ${before.alarms.join(', ')}`);
        assert.ok(before.alarms.includes(PAUSE_HINT_ALARM), `the hints' alarm is among ${before.alarms.join(', ')}`);
        assert.equal(await badge(h), 'Zz', 'the snooze shows on the icon');

        const options = await openExtensionPage(h, '/options.html');
        const ask = `[...document.querySelectorAll('.data button')].find((b) => b.textContent.trim() === 'Delete everything…')`;
        await waitFor(() => options.evaluate(`!!${ask} && !${ask}.disabled`), { message: 'the data panel' });
        await options.evaluate(`${ask}.click()`);
        await waitFor(() => options.evaluate(`document.querySelector('.confirm')?.textContent.includes('gives back the access you gave to those sites') ?? false`), {
          message: 'the question to say what goes, access included',
        });
        await options.evaluate(`[...document.querySelectorAll('.confirm button')].find((b) => b.textContent.trim() === 'Delete everything').click()`);
        await waitFor(() => options.evaluate(`document.querySelector('.data [role=status]').textContent.includes('Everything was deleted.')`), { message: 'the delete' });
        await options.close();

        const after = await listKept(h);
        assert.equal(await badge(h), '', 'the badge goes with the snooze');
        assert.deepEqual(after, {
          local: { settings$: { v: 2 } },
          sync: {},
          session: {},
          alarms: [],
          // The databases keep their (empty) stores, ready for what comes next.
          databases: before.databases.map(({ name, stores }) => ({ name, stores: Object.fromEntries(Object.keys(stores).map((k) => [k, 0])) })),
        });
        assert.ok(before.databases.some((db) => Object.values(db.stores).some((n) => n > 0)), 'there was something to delete');
      } finally {
        await h.close();
      }
    });

    it('upgrades a journal kept the first way (reflections only): lists it, and finds words in it', async () => {
      const now = Date.now();
      const older = [
        newReflection(timeSortableId(now - 3 * 60_000), now - 3 * 60_000, 'Watched the lighthouse instead of the feed. #calm', { kind: 'popup' }),
        newReflection(timeSortableId(now - 2 * 60_000), now - 2 * 60_000, 'Said yes to the meeting, meant maybe.', { kind: 'popup' }),
      ];
      const h = await launch(kind, testBuild(kind));
      try {
        const probe = await openExtensionPage(h, '/options.html');
        // As the first version kept it: database version 1 holding the reflections store only.
        const made = await probe.evaluate(`new Promise((resolve, reject) => {
          const del = indexedDB.deleteDatabase('pause-moment-journal');
          del.onblocked = () => reject(new Error('deleting the journal was blocked'));
          del.onsuccess = () => {
            const open = indexedDB.open('pause-moment-journal', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('reflections');
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction('reflections', 'readwrite');
              for (const r of ${JSON.stringify(older)}) tx.objectStore('reflections').put(r, r.id);
              tx.oncomplete = () => { db.close(); resolve(db.version); };
            };
          };
        })`);
        assert.equal(made, 1);
        await probe.close();

        const popup = await openPopup(h);
        await waitFor(async () => (await listedTexts(popup)).length === 2, { message: 'the older journal to be listed' });
        assert.deepEqual(await listedTexts(popup), [older[1]!.text, older[0]!.text]);
        await popup.focus('input[type=search]');
        await popup.keyboard.type('LIGHT');
        await waitFor(async () => (await listedTexts(popup)).join('|') === older[0]!.text, { message: 'the search to find the older reflection' });
        const stores = await popup.evaluate(`new Promise((resolve) => {
          const open = indexedDB.open('pause-moment-journal');
          open.onsuccess = () => {
            const db = open.result;
            const days = db.transaction('days').objectStore('days').getAll();
            days.onsuccess = () => {
              resolve({ version: db.version, stores: [...db.objectStoreNames], reflections: days.result.reduce((n, d) => n + (d.counts.reflections ?? 0), 0) });
              db.close();
            };
          };
        })`);
        // The upgrade built the word index and the day roll-ups Insights reads, from the reflections already there.
        assert.deepEqual(stores, { version: 3, stores: ['days', 'reflections', 'words'], reflections: 2 });
      } finally {
        await h.close();
      }
    });
  });
}
