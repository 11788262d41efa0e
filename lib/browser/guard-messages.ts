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

/**
 * What the background tells a feed tab's check-in: the user chose Keep going
 * in the card (its own extension page, which only the background hears).
 */
export type CheckInCommand = 'keepGoing';

/** Tells the top frame of tab `tabId` what the user chose in its check-in card. */
export function sendCheckInCommand(tabId: number, command: CheckInCommand): Promise<void> {
  return browser.tabs.sendMessage(tabId, { checkIn: command }, { frameId: 0 }).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Calls `handle` with each check-in command to this tab, until `signal`
 * aborts. A content script's `runtime.onMessage` hears only the extension
 * (`tabs.sendMessage`), never the page; the sender's id is checked anyway.
 */
export function onCheckInCommand(handle: (command: CheckInCommand) => void, signal: AbortSignal): void {
  const listener = (value: unknown, sender: { id?: string }): undefined => {
    if (sender.id === browser.runtime.id && (value as { checkIn?: unknown } | null)?.checkIn === 'keepGoing') handle('keepGoing');
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
