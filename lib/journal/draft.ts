import { storage } from '@wxt-dev/storage';

/** What the user is typing in the popup's journal box, kept on every keystroke. */
export interface JournalDraft {
  /** The id the reflection will get: saving twice (a retry, a popup closed mid-save) writes one entry. */
  id: string;
  text: string;
  /** The prompt shown when the draft was written; undefined when writing freely. */
  prompt?: string;
  updatedAt: number;
}

/**
 * The popup's unsaved entry. A popup closes the moment it loses focus, so
 * the draft lives in extension storage, not in the page: reopening the popup
 * finds it where it was.
 */
export const draftItem = storage.defineItem<JournalDraft | null>('local:journalDraft', { fallback: null });

/** Reads a stored draft defensively: anything malformed reads as no draft. */
export function normaliseDraft(raw: unknown): JournalDraft | null {
  if (!raw || typeof raw !== 'object') return null;
  const d = raw as Partial<JournalDraft>;
  if (typeof d.text !== 'string' || typeof d.id !== 'string') return null;
  return {
    id: d.id,
    text: d.text,
    ...(typeof d.prompt === 'string' && d.prompt ? { prompt: d.prompt } : {}),
    updatedAt: typeof d.updatedAt === 'number' ? d.updatedAt : 0,
  };
}
