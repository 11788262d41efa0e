import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceExpectedPause, whenPauseExpected } from '@/lib/pause/expected-pause-bus';

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('pause-moment.expected-pause')];
});

describe('the hint that a page is expected to pause', () => {
  it('reaches a guard that starts after it', () => {
    announceExpectedPause('question');
    const heard = vi.fn();
    whenPauseExpected(heard);
    expect(heard).toHaveBeenCalledExactlyOnceWith('question');
  });

  it('reaches a guard that started before it, as soon as it comes', () => {
    const heard = vi.fn();
    whenPauseExpected(heard);
    expect(heard).not.toHaveBeenCalled();
    announceExpectedPause('breath');
    expect(heard).toHaveBeenCalledExactlyOnceWith('breath');
  });

  it('says nothing on a page with no hint', () => {
    const heard = vi.fn();
    whenPauseExpected(heard);
    expect(heard).not.toHaveBeenCalled();
  });
});
