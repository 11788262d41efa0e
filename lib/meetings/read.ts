/**
 * The few helpers every meeting adapter is made of: find a marker, read the
 * user's microphone toggle, find the control bar, look into a same-origin
 * iframe. Adapters differ only in their row of the selector table.
 *
 * Cost: a read is a handful of querySelector calls per document. The only
 * iteration is over the (narrow) `text.in` candidates of a marker, and only
 * when no attribute marker decided first.
 */

import type { Marker, MicSignal, PlatformSelectors } from './selectors';
import type { CallPhase, MeetingAdapter, MeetingState, MicState, PlatformId } from './types';

/** Case-, space- and apostrophe-insensitive form of a label, for comparing page words with the table. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Words longer than this are a container's text, not a label or heading. */
const MAX_LABEL_LENGTH = 120;

interface CompiledMarker {
  css: readonly string[];
  /** All of `css` as one selector list: one querySelector call in the usual case. */
  anyCss: string;
  textIn: string;
  says: ReadonlySet<string>;
}

type CompiledSignal =
  | { kind: 'attr'; name: string; muted: readonly string[]; unmuted: readonly string[] }
  | { kind: 'label'; muted: readonly string[]; unmuted: readonly string[] }
  | { kind: 'checked'; means: 'muted' | 'unmuted' };

interface Compiled {
  frames: readonly string[];
  left: CompiledMarker;
  inCall: CompiledMarker;
  preJoin: CompiledMarker;
  mic: { css: readonly string[]; signals: readonly CompiledSignal[] };
  controls: readonly string[];
}

function compileMarker(marker: Marker): CompiledMarker {
  return {
    css: marker.css,
    anyCss: marker.css.join(', '),
    textIn: marker.text?.in ?? '',
    says: new Set((marker.text?.says ?? []).map(normaliseWords)),
  };
}

function compileSignal(signal: MicSignal): CompiledSignal {
  if (signal.kind === 'checked') return signal;
  return { ...signal, muted: signal.muted.map(normaliseWords), unmuted: signal.unmuted.map(normaliseWords) };
}

function compile(table: PlatformSelectors): Compiled {
  return {
    frames: table.frames ?? [],
    left: compileMarker(table.left),
    inCall: compileMarker(table.inCall),
    preJoin: compileMarker(table.preJoin),
    mic: { css: table.mic.css, signals: table.mic.signals.map(compileSignal) },
    controls: table.controls,
  };
}

/** querySelector that treats a selector the browser cannot parse as "no match". */
function query(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** The first element matching the earliest selector in the list that matches anything. */
export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = query(root, selector);
    if (found) return found;
  }
  return null;
}

function hasCss(root: ParentNode, marker: CompiledMarker): boolean {
  if (marker.css.length === 0) return false;
  try {
    return root.querySelector(marker.anyCss) !== null;
  } catch {
    // One selector this browser cannot parse spoils the list: fall back to one at a time.
    return firstMatch(root, marker.css) !== null;
  }
}

function hasText(root: ParentNode, marker: CompiledMarker): boolean {
  if (!marker.textIn || marker.says.size === 0) return false;
  let candidates: NodeListOf<Element>;
  try {
    candidates = root.querySelectorAll(marker.textIn);
  } catch {
    return false;
  }
  for (const el of candidates) {
    const text = el.textContent ?? '';
    if (text.length <= MAX_LABEL_LENGTH && marker.says.has(normaliseWords(text))) return true;
  }
  return false;
}

/**
 * The phase shown in one document. Attribute markers beat words: an end
 * screen's structural marker wins over a leave button, and a leave button
 * wins over words that merely look like an end screen.
 */
function phaseIn(root: ParentNode, c: Compiled): CallPhase {
  if (hasCss(root, c.left)) return 'left';
  if (hasCss(root, c.inCall)) return 'in-call';
  if (hasText(root, c.left)) return 'left';
  if (hasText(root, c.inCall)) return 'in-call';
  if (hasCss(root, c.preJoin) || hasText(root, c.preJoin)) return 'pre-join';
  return 'unknown';
}

function signalSays(el: Element, signal: CompiledSignal): MicState {
  if (signal.kind === 'checked') {
    // Compare tag names, not instanceof: an iframe's elements come from another realm.
    if (el.tagName !== 'INPUT') return 'unknown';
    const checked = (el as HTMLInputElement).checked;
    return checked === (signal.means === 'unmuted') ? 'unmuted' : 'muted';
  }
  const raw = signal.kind === 'attr' ? el.getAttribute(signal.name) : (el.getAttribute('aria-label') ?? el.getAttribute('title'));
  if (raw === null) return 'unknown';
  const value = normaliseWords(raw);
  const says = (phrases: readonly string[]) =>
    signal.kind === 'attr' ? phrases.includes(value) : phrases.some((p) => value.startsWith(p));
  const muted = says(signal.muted);
  const unmuted = says(signal.unmuted);
  if (muted === unmuted) return 'unknown';
  return muted ? 'muted' : 'unmuted';
}

/** What the user's own microphone toggle says, trying each signal until one answers. */
function micOf(el: Element, signals: readonly CompiledSignal[]): MicState {
  for (const signal of signals) {
    const state = signalSays(el, signal);
    if (state !== 'unknown') return state;
  }
  return 'unknown';
}

/**
 * Documents of the same-origin iframes that hold a meeting's UI. A
 * cross-origin frame gives null (or throws, behind some wrappers): skipped.
 */
export function frameDocuments(doc: Document, frames: readonly string[]): Document[] {
  const docs: Document[] = [];
  for (const selector of frames) {
    const frame = query(doc, selector);
    if (!frame || frame.tagName !== 'IFRAME') continue;
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner && inner !== doc && !docs.includes(inner)) docs.push(inner);
    } catch {
      // Cross-origin: the frame's state is unknown to us.
    }
  }
  return docs;
}

/** Frames first: where a platform uses one, the page around it is only a shell. */
const documentsOf = (doc: Document, c: Compiled): Document[] => [...frameDocuments(doc, c.frames), doc];

function hasSize(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

/**
 * Each bar once, as its outer box. A wrapper with no size of its own (its bar
 * is position: fixed inside it) would give the card nothing to avoid, so when
 * some matches have a size, only those count. Without layout (or with the bar
 * hidden) every match counts.
 */
function outermost(elements: Element[]): Element[] {
  const sized = elements.filter(hasSize);
  const pool = sized.length > 0 ? sized : elements;
  return pool.filter((el) => !pool.some((other) => other !== el && other.contains(el)));
}

/** How far up from the leave button to look for a box that also holds the mic. */
const MAX_BAR_DEPTH = 10;

/** The nearest box holding both the leave button and the mic toggle, unless that box is the whole page. */
function sharedBox(leave: Element, mic: Element): Element | null {
  let box = leave.parentElement;
  for (let depth = 0; box && depth < MAX_BAR_DEPTH; depth += 1, box = box.parentElement) {
    if (box === box.ownerDocument.body || box === box.ownerDocument.documentElement) return null;
    if (box.contains(mic)) return box;
  }
  return null;
}

function controlsIn(root: Document, c: Compiled): Element[] {
  const found: Element[] = [];
  for (const selector of c.controls) {
    try {
      for (const el of root.querySelectorAll(selector)) if (!found.includes(el)) found.push(el);
    } catch {
      // Unparseable here: try the next selector.
    }
  }
  if (found.length > 0) return outermost(found);
  const leave = firstMatch(root, c.inCall.css);
  const mic = firstMatch(root, c.mic.css);
  const box = leave && mic ? sharedBox(leave, mic) : null;
  return box ? [box] : [];
}

/** Builds a platform's adapter from its row of the selector table. */
export function makeAdapter(platform: PlatformId, label: string, table: PlatformSelectors): MeetingAdapter {
  const c = compile(table);
  return {
    platform,
    label,
    read(doc: Document): MeetingState {
      try {
        const docs = documentsOf(doc, c);
        let phase: CallPhase = 'unknown';
        for (const d of docs) {
          phase = phaseIn(d, c);
          if (phase !== 'unknown') break;
        }
        let mic: MicState = 'unknown';
        for (const d of docs) {
          const toggle = firstMatch(d, c.mic.css);
          if (toggle) {
            mic = micOf(toggle, c.mic.signals);
            break;
          }
        }
        return { phase, mic };
      } catch {
        return { phase: 'unknown', mic: 'unknown' };
      }
    },
    controls(doc: Document): Element[] {
      try {
        for (const d of documentsOf(doc, c)) {
          const bars = controlsIn(d, c);
          if (bars.length > 0) return bars;
        }
      } catch {
        // Fall through: no bar known.
      }
      return [];
    },
  };
}

/** A box in the coordinates of the top document's viewport. */
export interface PageBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where an element is in `doc`'s viewport, adding the offsets of the
 * same-origin iframes it sits in (Zoom's control bar is inside one).
 * Never throws; a frame we may not look at leaves the box as measured inside it.
 */
export function boxInPage(el: Element, doc: Document): PageBox {
  const rect = el.getBoundingClientRect();
  let left = rect.left;
  let top = rect.top;
  try {
    let frame = el.ownerDocument === doc ? null : el.ownerDocument.defaultView?.frameElement ?? null;
    while (frame) {
      const outer = frame.getBoundingClientRect();
      left += outer.left + frame.clientLeft;
      top += outer.top + frame.clientTop;
      frame = frame.ownerDocument === doc ? null : frame.ownerDocument.defaultView?.frameElement ?? null;
    }
  } catch {
    // A cross-origin ancestor frame: keep what we have.
  }
  return { left, top, width: rect.width, height: rect.height };
}
