import { describe, expect, it } from 'vitest';
import { startFirstPage, takeFirstPage } from '@/lib/journal/first-page';
import { clearJournal, JOURNAL_PAGE, saveReflection } from '@/lib/journal/store';
import { newReflection } from '@/lib/journal/reflection';
import { idTimePrefix } from '@/lib/browser/ids';

describe('the popup’s first page', () => {
  it('is read from the start and handed over once, newest first', async () => {
    await clearJournal();
    const made = Array.from({ length: JOURNAL_PAGE + 5 }, (_, i) =>
      newReflection(`${idTimePrefix(1_700_000_000_000 + i)}-${i.toString(36).padStart(8, '0')}`, 1_700_000_000_000 + i, `note ${i}`, { kind: 'popup' }),
    );
    for (const r of made) await saveReflection(r);
    expect(takeFirstPage()).toBeUndefined();
    startFirstPage();
    const read = takeFirstPage();
    expect(read).toBeDefined();
    expect(takeFirstPage()).toBeUndefined();
    expect((await read!).map((r) => r.text)).toEqual(made.slice(5).reverse().map((r) => r.text));
  });
});
