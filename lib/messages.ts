import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PauseReason, PauseSummary } from './pause-log';

/** Identifies one pause: made by the content script when it shows the pause. */
export interface PauseRef {
  pauseId: string;
  siteId: string;
}

/**
 * Messages from the pause page (an extension page framed inside the site)
 * to the background. The background checks the sender is our own pause page
 * in a tab before acting, so a site cannot forge a choice.
 */
export interface PauseProtocol {
  pauseShown(data: PauseRef & { host: string; reason: PauseReason }): void;
  pauseLeave(data: PauseRef & { canGoBack: boolean }): void;
  pauseContinue(data: PauseRef & { minutes: number; intention?: string }): void;
  /** A one-line note written at the pause, kept as a reflection linked to it. `noteId` is made by the writer. */
  pauseNote(data: PauseRef & { noteId: string; text: string; prompt: string }): void;
  /** Today's pauses, for the popup. */
  todaySummary(): PauseSummary;
}

/** Typed messaging between extension pages and the background. */
export const messaging = defineExtensionMessaging<PauseProtocol>();
