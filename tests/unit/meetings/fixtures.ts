import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Marker } from '@/lib/meetings/selectors';
import { normaliseWords } from '@/lib/meetings/read';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/meetings');

/** Every fixture file name, for checks that must cover them all. */
export const FIXTURE_FILES = readdirSync(DIR).filter((name) => name.endsWith('.html'));

export const fixtureHtml = (name: string): string => readFileSync(join(DIR, name), 'utf8');

/**
 * A fixture as a document. happy-dom does not load frames, so an
 * `<iframe src="zoom-frame-….html">` gets that fixture as its contentDocument,
 * the way a same-origin frame looks to a content script.
 */
export function loadFixture(name: string): Document {
  // Renamed so happy-dom does not try (and loudly fail) to load the frame itself.
  const html = fixtureHtml(name).replace(/(<iframe\b[^>]*?\s)src=/g, '$1data-fixture-src=');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const frame of doc.querySelectorAll('iframe[data-fixture-src]')) {
    const inner = loadFixture(frame.getAttribute('data-fixture-src')!);
    Object.defineProperty(frame, 'contentDocument', { configurable: true, get: () => inner });
  }
  return doc;
}

/** The document that holds the meeting UI: the frame's for Zoom's shells, else the page itself. */
export function meetingDocument(doc: Document): Document {
  return doc.querySelector('iframe')?.contentDocument ?? doc;
}

/** Runs a fixture's inline script against its document (DOMParser documents never run scripts). */
export function runFixtureScript(doc: Document): void {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    // The fixture scripts only use `document`; hand them this one.
    new Function('document', script.textContent ?? '')(doc);
  }
}

/** Removes everything a marker could find, attributes and words alike. */
export function stripMarker(doc: Document, marker: Marker): void {
  for (const selector of marker.css) doc.querySelectorAll(selector).forEach((el) => el.remove());
  if (!marker.text) return;
  const says = new Set(marker.text.says.map(normaliseWords));
  doc.querySelectorAll(marker.text.in).forEach((el) => {
    if (says.has(normaliseWords(el.textContent ?? ''))) el.remove();
  });
}
