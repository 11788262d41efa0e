/**
 * The few helpers every meeting adapter is made of: find a marker, read the
 * user's microphone toggle, find the control bar, look into a same-origin
 * iframe. Adapters differ only in their row of the selector table.
 *
 * Cost: a read is a handful of querySelector calls per document. The only
 * iteration is over the (narrow) `text.in` candidates of a marker, and only
 * when no attribute marker decided first.
 */

import { compileSignal, micOf, normaliseWords, type CompiledSignal } from './mic-signal';
import { leftAddressTest, phaseOf } from './phase';
import { isRendered } from './rendered';
import type { Marker, PlatformSelectors } from './selectors';
import type { CallPhase, MeetingAdapter, MeetingState, MicState, PlatformId } from './types';

export { normaliseWords } from './mic-signal';

/** Words longer than this are a container's text, not a label or heading. */
const MAX_LABEL_LENGTH = 120;

interface CompiledMarker {
  css: readonly string[];
  /** All of `css` as one selector list: one querySelectorAll call in the usual case. */
  anyCss: string;
  textIn: string;
  says: ReadonlySet<string>;
}

interface Compiled {
  frames: readonly string[];
  left: CompiledMarker;
  preJoin: CompiledMarker;
  inCall: CompiledMarker;
  leave: readonly string[];
  /** All of `leave` as one selector list, for `closest`. */
  anyLeave: string;
  mic: { css: readonly string[]; signals: readonly CompiledSignal[] };
  controls: readonly string[];
  /** Whether an address is one the platform sends people to after a call. */
  isLeftAddress: (url: string) => boolean;
}

function compileMarker(marker: Marker): CompiledMarker {
  return {
    css: marker.css,
    anyCss: marker.css.join(', '),
    textIn: marker.text?.in ?? '',
    says: new Set((marker.text?.says ?? []).map(normaliseWords)),
  };
}

function compile(table: PlatformSelectors): Compiled {
  return {
    frames: table.frames ?? [],
    left: compileMarker(table.left),
    preJoin: compileMarker(table.preJoin),
    inCall: compileMarker(table.inCall),
    leave: table.leave,
    anyLeave: table.leave.join(', '),
    mic: { css: table.mic.css, signals: table.mic.signals.map(compileSignal) },
    controls: table.controls,
    isLeftAddress: leftAddressTest(table.leftUrls ?? []),
  };
}

/** querySelectorAll that treats a selector the browser cannot parse as "no match". */
function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** The first rendered element matching the earliest selector in the list that matches a rendered one. */
export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = queryAll(root, selector).find(isRendered);
    if (found) return found;
  }
  return null;
}

function hasCss(root: ParentNode, marker: CompiledMarker): boolean {
  if (marker.css.length === 0) return false;
  try {
    for (const el of root.querySelectorAll(marker.anyCss)) if (isRendered(el)) return true;
    return false;
  } catch {
    // One selector this browser cannot parse spoils the list: fall back to one at a time.
    return firstMatch(root, marker.css) !== null;
  }
}

function hasText(root: ParentNode, marker: CompiledMarker): boolean {
  if (!marker.textIn || marker.says.size === 0) return false;
  for (const el of queryAll(root, marker.textIn)) {
    const text = el.textContent ?? '';
    if (text.length <= MAX_LABEL_LENGTH && marker.says.has(normaliseWords(text)) && isRendered(el)) return true;
  }
  return false;
}

const shows = (root: ParentNode, marker: CompiledMarker): boolean => hasCss(root, marker) || hasText(root, marker);

/**
 * The phase shown in one document (see `phaseOf`). The signs are getters, so
 * a read stops at the first marker that decides: most reads ask one question.
 */
function phaseIn(root: ParentNode, c: Compiled): CallPhase {
  return phaseOf({
    get left() {
      return shows(root, c.left);
    },
    get preJoin() {
      return shows(root, c.preJoin);
    },
    get inCall() {
      return shows(root, c.inCall);
    },
  });
}

/**
 * Documents of the same-origin iframes that hold a meeting's UI. A
 * cross-origin frame gives null (or throws, behind some wrappers): skipped.
 */
export function frameDocuments(doc: Document, frames: readonly string[]): Document[] {
  const docs: Document[] = [];
  for (const selector of frames) {
    const frame = queryAll(doc, selector)[0];
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
  if (!isRendered(el)) return false;
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
      for (const el of root.querySelectorAll(selector)) if (!found.includes(el) && isRendered(el)) found.push(el);
    } catch {
      // Unparseable here: try the next selector.
    }
  }
  if (found.length > 0) return outermost(found);
  const leave = firstMatch(root, c.leave);
  const mic = firstMatch(root, c.mic.css);
  const box = (leave && mic ? sharedBox(leave, mic) : null) ?? (mic ? rowOf(mic) : null);
  return box ? [box] : [];
}

/** What counts as another control beside the mic in its row. */
const CONTROL = 'button, [role="button"], input, select';

/**
 * The row the mic toggle sits in with its neighbours (camera, settings): on
 * screens with no leave button or known bar, such as a pre-join preview,
 * the card must still keep off it. The nearest box that holds another
 * control, unless that box is the whole page.
 */
function rowOf(mic: Element): Element | null {
  let box = mic.parentElement;
  for (let depth = 0; box && depth < MAX_BAR_DEPTH; depth += 1, box = box.parentElement) {
    if (box === box.ownerDocument.body || box === box.ownerDocument.documentElement) return null;
    for (const other of box.querySelectorAll(CONTROL)) if (!mic.contains(other) && !other.contains(mic)) return box;
  }
  return null;
}

/** Builds a platform's adapter from its row of the selector table. */
export function makeAdapter(platform: PlatformId, label: string, table: PlatformSelectors): MeetingAdapter {
  const c = compile(table);
  return {
    platform,
    label,
    read(doc: Document, url = doc.URL): MeetingState {
      try {
        const docs = documentsOf(doc, c);
        // A frame moves to the page after a call before the tab does (Zoom), so its address counts too.
        const leftByAddress = c.isLeftAddress(url) || docs.some((d) => d !== doc && c.isLeftAddress(d.URL));
        let phase: CallPhase = leftByAddress ? 'left' : 'unknown';
        for (const d of phase === 'unknown' ? docs : []) {
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
    isLeaveControl(el: Element): boolean {
      if (!c.anyLeave) return false;
      try {
        return el.closest(c.anyLeave) !== null;
      } catch {
        return c.leave.some((selector) => {
          try {
            return el.closest(selector) !== null;
          } catch {
            return false;
          }
        });
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
