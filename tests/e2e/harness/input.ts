import type { KeyInput, Page } from 'puppeteer-core';

/** A box in CSS pixels of the top-level viewport. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Viewport box of the first element matching `selector` in the page's main
 * document, or null. A closed shadow root's host is in the light DOM, so this
 * works for it even though its contents cannot be queried.
 */
export function boxOf(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  })()`) as Promise<Box | null>;
}

/**
 * Real mouse click (`page.mouse`) inside the element matching `selector`: at
 * its center, or at `offset` from its top-left corner. Reaches extension
 * iframes that puppeteer cannot drive as frames.
 */
export async function clickElement(page: Page, selector: string, offset?: { x: number; y: number }): Promise<void> {
  const box = await boxOf(page, selector);
  if (!box) throw new Error(`clickElement: no element matches ${selector}`);
  if (box.width <= 0 || box.height <= 0) throw new Error(`clickElement: ${selector} has an empty box`);
  const { x, y } = offset ?? { x: box.width / 2, y: box.height / 2 };
  await page.mouse.click(box.x + x, box.y + y);
}

/** Real mouse click at the center of a box (e.g. one from {@link boxOf}). */
export function clickBox(page: Page, box: Box): Promise<void> {
  return page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Types `text` with real key events into whatever has focus. */
export function typeText(page: Page, text: string, delay = 0): Promise<void> {
  return page.keyboard.type(text, { delay });
}

/** Presses keys in sequence, e.g. `pressKeys(page, 'Tab', 'Enter')`. */
export async function pressKeys(page: Page, ...keys: KeyInput[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}
