import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { focusables, trapFocus } from '@/lib/browser/focus-trap';

let root: HTMLElement;
let outside: HTMLButtonElement;
let release: () => void;

beforeEach(() => {
  document.body.innerHTML = `
    <button id="outside">outside</button>
    <main id="card">
      <button id="leave">Leave</button>
      <button id="off" disabled>Off</button>
      <div hidden><button id="hidden">Hidden</button></div>
      <a id="nohref">no href</a>
      <input id="minutes">
      <span tabindex="-1" id="skip">skip</span>
      <a href="#" id="continue">Continue</a>
    </main>`;
  root = document.getElementById('card')!;
  outside = document.getElementById('outside') as HTMLButtonElement;
  release = trapFocus(root);
});
afterEach(() => release());

const byId = (id: string) => document.getElementById(id)!;
function tab(shiftKey = false): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
  (document.activeElement ?? document.body).dispatchEvent(event);
  return event;
}

describe('focusables', () => {
  it('lists what Tab can reach, in order, skipping disabled, hidden and untabbable elements', () => {
    expect(focusables(root).map((el) => el.id)).toEqual(['leave', 'minutes', 'continue']);
  });
});

describe('trapFocus', () => {
  it.each([
    ['Tab on the last element goes to the first', 'continue', false, 'leave'],
    ['Shift+Tab on the first element goes to the last', 'leave', true, 'continue'],
    ['Tab from outside comes in at the first', 'outside', false, 'leave'],
    ['Shift+Tab from outside comes in at the last', 'outside', true, 'continue'],
  ])('%s', (_, from, shift, to) => {
    byId(from).focus();
    const event = tab(shift);
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe(to);
  });

  it.each([
    ['Tab', 'leave', false],
    ['Shift+Tab', 'continue', true],
  ])('leaves %s in the middle to the browser', (_, from, shift) => {
    byId(from).focus();
    expect(tab(shift).defaultPrevented).toBe(false);
    expect(document.activeElement?.id).toBe(from);
  });

  it('keeps focus where it is when nothing inside can take it', () => {
    root.innerHTML = '<p>Nothing to press</p>';
    outside.focus();
    expect(tab().defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(outside);
  });

  it('ignores other keys, and stops when released', () => {
    byId('continue').focus();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    byId('continue').dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(false);
    release();
    expect(tab().defaultPrevented).toBe(false);
    expect(document.activeElement?.id).toBe('continue');
  });
});
