import { browser } from 'wxt/browser';
import type { Sender } from './messages';

/**
 * Messages from the feed pause's content script to the background. That
 * script runs before a page paints and is kept small, so it does not bundle
 * the messaging library (`messages.ts`): it sends plain typed objects, which
 * the library's own listener ignores, and the background reads them back
 * through `readGuardMessage`.
 */
export interface GuardProtocol {
  /**
   * A page that would have paused did not, because pauses were snoozed
   * (`snoozeId`). `id` is made by the page, so a retried message records once.
   */
  pauseSkipped: { id: string; siteId: string; snoozeId: string };
}

/** One message on the wire. */
export type GuardMessage = { [K in keyof GuardProtocol]: { guard: K; data: GuardProtocol[K] } }[keyof GuardProtocol];

/** Sends a message to the background. Nothing answers; a background that is gone loses it. */
export function sendGuardMessage(message: GuardMessage): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 4000;

/** The message `value` is, if it has the shape of one; anything else is not ours to read. */
export function readGuardMessage(value: unknown): GuardMessage | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { guard, data } = value as { guard?: unknown; data?: Record<string, unknown> };
  if (guard === 'pauseSkipped' && data && typeof data === 'object' && isString(data.id) && isString(data.siteId) && isString(data.snoozeId)) {
    return { guard, data: { id: data.id, siteId: data.siteId, snoozeId: data.snoozeId } };
  }
  return undefined;
}

/**
 * Calls `handle` with each guard message the background receives, and with
 * its sender; a handler's promise keeps the message open until it settles.
 */
export function onGuardMessage(handle: (message: GuardMessage, sender: Sender & { id?: string }) => Promise<void>): void {
  browser.runtime.onMessage.addListener((value: unknown, sender: Sender & { id?: string }) => {
    const message = readGuardMessage(value);
    return message ? handle(message, sender).then(() => null) : undefined;
  });
}
