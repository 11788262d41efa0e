/**
 * How one signal on the user's own microphone toggle says muted or unmuted.
 * Pure functions of one element, tested as tables.
 */

import type { MicSignal } from './selectors';
import type { MicState } from './types';

/** Case-, space- and apostrophe-insensitive form of a label, for comparing page words with the table. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A label as words only, each one space apart with a space at both ends, so phrases match on word boundaries. */
function asWords(text: string): string {
  return ` ${normaliseWords(text).replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;
}

/** A signal with its phrases already normalised (see `compileSignal`). */
export type CompiledSignal = MicSignal & { readonly compiled: true };

/** Normalises a signal's words once, so a read compares strings only. */
export function compileSignal(signal: MicSignal): CompiledSignal {
  if (signal.kind === 'checked') return { ...signal, compiled: true };
  if (signal.kind === 'attr') {
    return { ...signal, muted: signal.muted.map(normaliseWords), unmuted: signal.unmuted.map(normaliseWords), compiled: true };
  }
  const form = signal.match === 'phrase' ? asWords : normaliseWords;
  return { ...signal, muted: signal.muted.map(form), unmuted: signal.unmuted.map(form), compiled: true };
}

/** The words a control offers to a screen reader: its aria-label, else its title. */
export function labelOf(el: Element): string | null {
  return el.getAttribute('aria-label') ?? el.getAttribute('title');
}

/**
 * What one signal says about the toggle `el`:
 * - `attr`: the attribute's whole value is one of the listed values;
 * - `label` (prefix): the label starts with one of the phrases, as short
 *   labels name the action on offer ("Unmute" while muted);
 * - `label` (phrase): the label holds one of the phrases as whole words, as
 *   labels that state the mic's state in a sentence do;
 * - `checked`: a checkbox or switch input whose checked state means `means`.
 * 'unknown' when the signal is absent, or claims both states.
 */
export function micFromSignal(el: Element, signal: CompiledSignal): MicState {
  if (signal.kind === 'checked') {
    // Compare tag names, not instanceof: an iframe's elements come from another realm.
    if (el.tagName !== 'INPUT') return 'unknown';
    const checked = (el as HTMLInputElement).checked;
    return checked === (signal.means === 'unmuted') ? 'unmuted' : 'muted';
  }
  const raw = signal.kind === 'attr' ? el.getAttribute(signal.name) : labelOf(el);
  if (raw === null) return 'unknown';
  let says: (phrase: string) => boolean;
  if (signal.kind === 'attr') {
    const value = normaliseWords(raw);
    says = (p) => value === p;
  } else if (signal.match === 'phrase') {
    const words = asWords(raw);
    says = (p) => words.includes(p);
  } else {
    const value = normaliseWords(raw);
    says = (p) => value.startsWith(p);
  }
  const muted = signal.muted.some(says);
  const unmuted = signal.unmuted.some(says);
  if (muted === unmuted) return 'unknown';
  return muted ? 'muted' : 'unmuted';
}

/** What the toggle says, trying each signal in order until one answers. */
export function micOf(el: Element, signals: readonly CompiledSignal[]): MicState {
  for (const signal of signals) {
    const state = micFromSignal(el, signal);
    if (state !== 'unknown') return state;
  }
  return 'unknown';
}
