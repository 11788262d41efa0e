import { describe, expect, it } from 'vitest';
import { compileSignal, micFromSignal, micOf, normaliseWords } from '@/lib/meetings/mic-signal';
import type { MicSignal } from '@/lib/meetings/selectors';
import type { MicState } from '@/lib/meetings/types';

const el = (html: string): Element => new DOMParser().parseFromString(html, 'text/html').body.firstElementChild!;

const SENTENCE: MicSignal = { kind: 'label', match: 'phrase', muted: ['microphone is currently muted'], unmuted: ['microphone is currently unmuted'] };
const ACTION: MicSignal = { kind: 'label', muted: ['unmute', 'stummschaltung aufheben'], unmuted: ['mute', 'mikrofon deaktivieren'] };
const STATE: MicSignal = { kind: 'attr', name: 'data-state', muted: ['mic-off'], unmuted: ['mic', 'mic-volume-renderer'] };
const PRESSED_ON: MicSignal = { kind: 'attr', name: 'aria-pressed', muted: ['false'], unmuted: ['true'] };
const SWITCH: MicSignal = { kind: 'checked', means: 'unmuted' };

describe('micFromSignal', () => {
  it.each<[string, string, MicSignal, MicState]>([
    ['a sentence label on a custom element (Webex)', '<mdc-button aria-label="Microphone is currently muted - click to unmute"></mdc-button>', SENTENCE, 'muted'],
    ['…and unmuted', '<mdc-button aria-label="Microphone is currently unmuted - click to mute"></mdc-button>', SENTENCE, 'unmuted'],
    ['a sentence does not match on part of a word', '<mdc-button aria-label="Microphone is currently mutedness"></mdc-button>', SENTENCE, 'unknown'],
    ['a sentence anywhere in the label', '<button aria-label="Mic. Your microphone is currently muted."></button>', SENTENCE, 'muted'],
    ['an action label names what a press does', '<button aria-label="Unmute (Ctrl+Shift+M)"></button>', ACTION, 'muted'],
    ['…in German', '<button aria-label="Mikrofon deaktivieren"></button>', ACTION, 'unmuted'],
    ['the title stands in for a missing aria-label', '<button title="Mute"></button>', ACTION, 'unmuted'],
    ['no label', '<button></button>', ACTION, 'unknown'],
    ['every state value a build shows (Teams: mic-volume-renderer)', '<button data-state="mic-volume-renderer"></button>', STATE, 'unmuted'],
    ['…and the older build (Teams: mic)', '<button data-state="mic"></button>', STATE, 'unmuted'],
    ['…muted', '<button data-state="MIC-OFF"></button>', STATE, 'muted'],
    ['an unlisted value', '<button data-state="mic-disabled"></button>', STATE, 'unknown'],
    ['aria-pressed meaning on (Whereby)', '<button aria-pressed="true"></button>', PRESSED_ON, 'unmuted'],
    ['a switch that is on', '<input type="checkbox" role="switch" checked>', SWITCH, 'unmuted'],
    ['a switch that is off', '<input type="checkbox" role="switch">', SWITCH, 'muted'],
    ['a checked signal on something that is not an input', '<div role="switch" aria-checked="true"></div>', SWITCH, 'unknown'],
  ])('%s', (_name, html, signal, state) => {
    expect(micFromSignal(el(html), compileSignal(signal))).toBe(state);
  });

  it('a label that claims both states says nothing', () => {
    const both: MicSignal = { kind: 'label', match: 'phrase', muted: ['is muted'], unmuted: ['is live'] };
    expect(micFromSignal(el('<button aria-label="Mic is muted, speaker is live"></button>'), compileSignal(both))).toBe('unknown');
  });
});

describe('micOf', () => {
  it('tries each signal in order until one answers', () => {
    const signals = [STATE, ACTION].map(compileSignal);
    expect(micOf(el('<button aria-label="Unmute"></button>'), signals)).toBe('muted');
    expect(micOf(el('<button data-state="mic" aria-label="Unmute"></button>'), signals)).toBe('unmuted');
    expect(micOf(el('<button></button>'), signals)).toBe('unknown');
  });
});

describe('normaliseWords', () => {
  it.each([
    ['  Turn on\n microphone ', 'turn on microphone'],
    ['Quitter l’appel', "quitter l'appel"],
    ['ÉTAT', 'état'],
  ])('%o → %o', (raw, words) => {
    expect(normaliseWords(raw)).toBe(words);
  });
});
