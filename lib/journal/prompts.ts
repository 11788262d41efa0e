/** The four practices behind a pause moment. */
export type Practice = 'self-reflection' | 'clear communication' | 'boundaries' | 'taking responsibility';

/**
 * Short journal prompts, six for each practice. A pause moment comes before
 * giving an opinion or agreeing to a plan: "Is this really my choice?". The
 * prompts ask, they never judge; each is one question, under 90 characters.
 */
export const JOURNAL_PROMPTS: readonly { readonly text: string; readonly practice: Practice }[] = [
  { practice: 'self-reflection', text: 'What do I want here — really?' },
  { practice: 'self-reflection', text: 'Is this really my choice, or someone else’s?' },
  { practice: 'self-reflection', text: 'Where did I choose for myself today?' },
  { practice: 'self-reflection', text: 'What did I agree to today without thinking?' },
  { practice: 'self-reflection', text: 'What am I feeling right now, before I answer?' },
  { practice: 'self-reflection', text: 'What would I choose if no one were watching?' },

  { practice: 'clear communication', text: 'What did I leave unsaid, and why?' },
  { practice: 'clear communication', text: 'What do I actually mean, in one simple sentence?' },
  { practice: 'clear communication', text: 'Is there a question I wish I had asked?' },
  { practice: 'clear communication', text: 'How could I say what I need, kindly and plainly?' },
  { practice: 'clear communication', text: 'Did I share my own opinion, or the one I thought was expected?' },
  { practice: 'clear communication', text: 'What would help the other person understand me?' },

  { practice: 'boundaries', text: 'Where did I say yes today when I meant no?' },
  { practice: 'boundaries', text: 'What is mine to carry, and what isn’t?' },
  { practice: 'boundaries', text: 'Where could a gentle no make room for me?' },
  { practice: 'boundaries', text: 'What would I like more time to decide?' },
  { practice: 'boundaries', text: 'Where did I feel stretched thin today?' },
  { practice: 'boundaries', text: 'What limit would I like to keep this week?' },

  { practice: 'taking responsibility', text: 'What part of this is mine to own?' },
  { practice: 'taking responsibility', text: 'Which promise would I like to keep — or gently let go of?' },
  { practice: 'taking responsibility', text: 'What small step is mine to take next?' },
  { practice: 'taking responsibility', text: 'What choice am I glad I made today?' },
  { practice: 'taking responsibility', text: 'Is there something I would like to make right?' },
  { practice: 'taking responsibility', text: 'What can I learn from a choice that didn’t go as planned?' },
];

/**
 * A prompt's text, chosen with `random` (a number in [0, 1), like
 * Math.random). Never returns `exclude`, so "another prompt" always changes
 * the prompt shown.
 */
export function pickPrompt(random: () => number = Math.random, exclude?: string): string {
  const choices = JOURNAL_PROMPTS.filter((p) => p.text !== exclude);
  const r = random();
  const index = Number.isFinite(r) ? Math.min(choices.length - 1, Math.max(0, Math.floor(r * choices.length))) : 0;
  return choices[index]!.text;
}
