import { describe, expect, it, vi } from 'vitest';
import { handover } from '@/lib/browser/handover';

let n = 0;
const fresh = () => handover<string>(`__handoverTest${++n}`);

describe('a value handed over between two scripts of a page', () => {
  it('is made once, taken once', () => {
    const slot = fresh();
    const make = vi.fn(() => 'read');
    slot.give(make);
    slot.give(make);
    expect(make).toHaveBeenCalledTimes(1);
    expect(slot.take()).toBe('read');
    expect(slot.take()).toBeUndefined();
  });

  it('is never made once the taker has looked and found nothing: the page has begun the read itself', () => {
    const slot = fresh();
    const make = vi.fn(() => 'late read');
    expect(slot.take()).toBeUndefined();
    slot.give(make);
    expect(make).not.toHaveBeenCalled();
    expect(slot.take()).toBeUndefined();
  });

  it('goes through the page’s global object, so scripts built apart meet in it', () => {
    const name = `__handoverTest${++n}`;
    handover<number>(name).give(() => 7);
    expect(handover<number>(name).take()).toBe(7);
  });
});
