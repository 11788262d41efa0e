import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { FIXTURES_DIR, launch, startHostedSites, type BrowserKind, type Harness, type HostedSites } from './harness/index.ts';
import { MEETING_PLATFORMS } from '../../lib/meetings/platforms.ts';
import { originsOf, siteFromPreset } from '../../lib/sites/trigger-sites.ts';
import { inExtension, testBuild } from './pause-driver.ts';

/** The fixture's own <title>, read from the file (the fixtures are being rewritten). */
const titleOf = (name: string) => readFileSync(resolve(FIXTURES_DIR, 'meetings', name), 'utf8').match(/<title>([^<]*)<\/title>/)?.[1];

/** Where a navigation ended: its status, or the error that stopped it. Firefox may show an error page without throwing. */
async function visit(page: Page, url: string): Promise<{ status?: number; error?: string; title: string }> {
  try {
    const res = await page.goto(url, { waitUntil: 'load', timeout: 10_000 });
    return { status: res?.status(), title: await page.title() };
  } catch (e) {
    return { error: (e as Error).message, title: await page.title().catch(() => '') };
  }
}

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`hosted sites (${kind})`, () => {
    let sites: HostedSites;
    let h: Harness;
    let page: Page;

    before(async () => {
      sites = await startHostedSites({
        'https://meet.google.com/abc-defg-hij': { file: 'meetings/meet-pre-join.html' },
        'meet.jit.si': { file: 'meetings/jitsi-pre-join.html' },
        // .test is no HSTS host: plain http through the proxy.
        'http://meeting-left.test/bye': { body: '<!doctype html><title>plain http</title>' },
      });
      h = await launch(kind, testBuild(kind), { hostedSites: sites });
      page = await h.browser.newPage();
    });
    after(async () => {
      await h?.close();
      await sites?.close();
    });

    it('serves https://meet.google.com/abc-defg-hij (HSTS-preloaded) from its fixture', async () => {
      const r = await visit(page, 'https://meet.google.com/abc-defg-hij');
      assert.equal(r.error, undefined);
      assert.equal(r.status, 200);
      assert.equal(r.title, titleOf('meet-pre-join.html'));
      assert.equal(await page.evaluate('location.href'), 'https://meet.google.com/abc-defg-hij');
    });

    it('serves every path of meet.jit.si from a host prefix', async () => {
      const r = await visit(page, 'https://meet.jit.si/SomeRoom');
      assert.equal(r.status, 200);
      assert.equal(r.title, titleOf('jitsi-pre-join.html'));
      assert.equal(await page.evaluate('location.origin'), 'https://meet.jit.si');
    });

    it('serves plain http through the same proxy', async () => {
      const r = await visit(page, 'http://meeting-left.test/bye?x=1');
      assert.equal(r.status, 200);
      assert.equal(r.title, 'plain http');
    });

    it('answers an unknown path on a known host with 404', async () => {
      const r = await visit(page, 'https://meet.google.com/other-room');
      assert.equal(r.status, 404);
    });

    it('the test build already holds every meeting platform the options page can tick', async () => {
      const origins = MEETING_PLATFORMS.flatMap((p) => originsOf(siteFromPreset(p, 'meeting')));
      const held = await inExtension<boolean>(h, `async (origins) => (globalThis.browser ?? chrome).permissions.contains({ origins })`, origins);
      assert.equal(held, true);
    });

    it('never loads an unknown host', async () => {
      const before = sites.requests.length;
      const r = await visit(page, 'https://example.com/');
      assert.ok(r.error || (r.status ?? 0) >= 400, `example.com loaded: ${JSON.stringify(r)}`);
      // Firefox keeps location.href on its error page; the document is about:neterror (Chromium: chrome-error://).
      const doc = (await page.evaluate('document.documentURI').catch(() => '')) as string;
      assert.ok(!doc.startsWith('https://example.com'), `example.com document: ${doc}`);
      // The browser asked the proxy, which refused the tunnel.
      assert.ok(sites.requests.slice(before).some((q) => q.method === 'CONNECT' && q.url === 'example.com:443' && q.status === 403));
    });
  });
}
