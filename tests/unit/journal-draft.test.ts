import { describe, expect, it } from 'vitest';
import { draftOf, normaliseDraft, reflectionFromDraft } from '@/lib/journal/draft';

const ID = 'lx2k9a1b0-abcdefgh';
const PROMPT = 'What do I want here — really?';

describe('the prompt a reflection records', () => {
  it.each([
    { case: 'a prompt shown but not chosen', choice: { text: PROMPT, answering: false }, recorded: undefined },
    { case: 'no prompt at all', choice: undefined, recorded: undefined },
    { case: 'a prompt the user chose to answer', choice: { text: PROMPT, answering: true }, recorded: PROMPT },
  ])('$case: records $recorded', ({ choice, recorded }) => {
    const draft = draftOf(ID, 'Said yes, meant no. #boundary', choice, 1000);
    expect(draft.prompt).toBe(recorded);
    const saved = reflectionFromDraft(draft, 2000)!;
    expect(saved.prompt).toBe(recorded);
    expect('prompt' in saved).toBe(recorded !== undefined);
  });

  it('keeps the choice across a popup closed and opened again (through storage)', () => {
    const stored = JSON.parse(JSON.stringify(draftOf(ID, 'half a thought', { text: PROMPT, answering: true }, 1000)));
    expect(reflectionFromDraft(normaliseDraft(stored)!, 2000)?.prompt).toBe(PROMPT);
    const free = JSON.parse(JSON.stringify(draftOf(ID, 'half a thought', { text: PROMPT, answering: false }, 1000)));
    expect(reflectionFromDraft(normaliseDraft(free)!, 2000)?.prompt).toBeUndefined();
  });
});

describe('reflectionFromDraft', () => {
  it('saves the draft as a popup reflection under the draft’s id, trimmed, with its tags', () => {
    const r = reflectionFromDraft(draftOf(ID, '  Said yes, meant no. #Boundary \n', undefined, 1000), 2000)!;
    expect(r).toMatchObject({ id: ID, createdAt: 2000, text: 'Said yes, meant no. #Boundary', tags: ['boundary'], source: { kind: 'popup' } });
  });

  it.each(['', '   ', '\n\t'])('saves nothing for %j', (text) => {
    expect(reflectionFromDraft(draftOf(ID, text, { text: PROMPT, answering: true }, 1000), 2000)).toBeUndefined();
  });
});

describe('normaliseDraft', () => {
  it.each([null, undefined, 'text', 42, {}, { id: ID }, { text: 'x' }, { id: 1, text: 'x' }])('reads %j as no draft', (raw) => {
    expect(normaliseDraft(raw)).toBeNull();
  });

  it('drops a prompt that is not a non-empty string, and a time that is not a number', () => {
    expect(normaliseDraft({ id: ID, text: 'x', prompt: '', updatedAt: 'soon' })).toEqual({ id: ID, text: 'x', updatedAt: 0 });
    expect(normaliseDraft({ id: ID, text: 'x', prompt: 7, updatedAt: 5 })).toEqual({ id: ID, text: 'x', updatedAt: 5 });
  });
});
