import type { JournalDraft } from '../settings/storage-registry';
import { newReflection, type Reflection } from './reflection';

export type { JournalDraft } from '../settings/storage-registry';

/**
 * The prompt above the popup's journal box. It is only offered: the user
 * answers it by choosing to ("Answer this"), and until then they write
 * freely, whatever prompt happens to be showing.
 */
export interface PromptChoice {
  text: string;
  answering: boolean;
}

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

/** The draft to keep at `now`: it holds the prompt only when the user chose to answer it. */
export function draftOf(id: string, text: string, prompt: PromptChoice | undefined, now: number): JournalDraft {
  return { id, text, ...(prompt?.answering && prompt.text ? { prompt: prompt.text } : {}), updatedAt: now };
}

/**
 * The reflection a draft is saved as at `now`, or undefined when nothing is
 * written. It records the draft's prompt, which is there only when the user
 * chose to answer it: writing under a prompt shown but not chosen records none.
 */
export function reflectionFromDraft(draft: JournalDraft, now: number): Reflection | undefined {
  if (!draft.text.trim()) return undefined;
  return newReflection(draft.id, now, draft.text, { kind: 'popup' }, draft.prompt ? { prompt: draft.prompt } : {});
}
