import { it, expect } from 'vitest';
import { browser } from 'wxt/browser';
it('fake browser storage works', async () => {
  await browser.storage.local.set({ a: 1 });
  expect(await browser.storage.local.get('a')).toEqual({ a: 1 });
});
