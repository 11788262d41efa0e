import { describe, expect, it } from 'vitest';
import { isRendered } from '@/lib/meetings/rendered';

const page = () =>
  new DOMParser().parseFromString(
    `<style>.gone { display: none } .faded { opacity: 0 } .invisible { visibility: hidden } .slid { position: fixed; bottom: -96px }</style>
     <button id="plain">Mute</button>
     <div class="gone"><button id="in-gone">Mute</button></div>
     <div hidden><button id="in-hidden">Mute</button></div>
     <button id="self-gone" style="display: none">Mute</button>
     <div class="faded"><button id="faded">Mute</button></div>
     <div class="invisible"><button id="invisible">Mute</button></div>
     <div class="slid"><button id="slid">Mute</button></div>
     <mdc-button id="custom" role="button" aria-label="Microphone is currently muted - click to unmute"></mdc-button>`,
    'text/html',
  );

describe('isRendered', () => {
  it.each([
    ['plain', true],
    ['in-gone', false],
    ['in-hidden', false],
    ['self-gone', false],
    // Toolbars that fade or slide away while the call goes on (Meet, Jitsi) still count.
    ['faded', true],
    ['invisible', true],
    ['slid', true],
    ['custom', true],
  ])('#%s → %s', (id, rendered) => {
    expect(isRendered(page().getElementById(id)!)).toBe(rendered);
  });

  it('a detached element does not count', () => {
    const doc = page();
    const el = doc.getElementById('plain')!;
    el.remove();
    expect(isRendered(el)).toBe(false);
  });

  it('without checkVisibility, falls back to hidden and display: none up the tree', () => {
    const doc = page();
    for (const [id, rendered] of [['plain', true], ['in-gone', false], ['in-hidden', false], ['slid', true]] as const) {
      const el = doc.getElementById(id)!;
      Object.defineProperty(el, 'checkVisibility', { value: undefined });
      expect(isRendered(el), id).toBe(rendered);
    }
  });
});
