import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { JournalSaves } from '@/lib/journal/saves.svelte';

describe('JournalSaves', () => {
  it('starts with nothing saved and counts every save', () => {
    const saves = new JournalSaves();
    expect(saves.count).toBe(0);
    saves.saved();
    saves.saved();
    expect(saves.count).toBe(2);
  });

  it('wakes what reads it, once per save, and nothing that reads another page’s record', () => {
    const saves = new JournalSaves();
    const elsewhere = new JournalSaves();
    const seen: number[] = [];
    let others = 0;
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(saves.count);
      });
      $effect(() => {
        void elsewhere.count;
        others += 1;
      });
    });
    flushSync();
    saves.saved();
    flushSync();
    saves.saved();
    flushSync();
    stop();
    saves.saved();
    flushSync();
    expect(seen).toEqual([0, 1, 2]);
    expect(others).toBe(1);
  });
});
