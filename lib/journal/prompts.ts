import { i18n } from '#i18n';

/** The four practices behind a pause moment. */
export type Practice = 'self-reflection' | 'clear communication' | 'boundaries' | 'taking responsibility';

/**
 * Short journal prompts, six for each practice, in the browser's language
 * (locales/, `popup.prompts`). A pause moment comes before
 * giving an opinion or agreeing to a plan: "Is this really my choice?". The
 * prompts ask, they never judge; each is one question, under 90 characters.
 */
export const JOURNAL_PROMPTS: readonly { readonly text: string; readonly practice: Practice }[] = [
  { practice: 'self-reflection', text: i18n.t('popup.prompts.wantHere') },
  { practice: 'self-reflection', text: i18n.t('popup.prompts.myChoice') },
  { practice: 'self-reflection', text: i18n.t('popup.prompts.choseToday') },
  { practice: 'self-reflection', text: i18n.t('popup.prompts.agreedUnthinking') },
  { practice: 'self-reflection', text: i18n.t('popup.prompts.feelingNow') },
  { practice: 'self-reflection', text: i18n.t('popup.prompts.noOneWatching') },

  { practice: 'clear communication', text: i18n.t('popup.prompts.unsaid') },
  { practice: 'clear communication', text: i18n.t('popup.prompts.meanSimply') },
  { practice: 'clear communication', text: i18n.t('popup.prompts.questionAsked') },
  { practice: 'clear communication', text: i18n.t('popup.prompts.sayNeed') },
  { practice: 'clear communication', text: i18n.t('popup.prompts.ownOpinion') },
  { practice: 'clear communication', text: i18n.t('popup.prompts.helpUnderstand') },

  { practice: 'boundaries', text: i18n.t('popup.prompts.yesMeantNo') },
  { practice: 'boundaries', text: i18n.t('popup.prompts.mineToCarry') },
  { practice: 'boundaries', text: i18n.t('popup.prompts.gentleNo') },
  { practice: 'boundaries', text: i18n.t('popup.prompts.moreTime') },
  { practice: 'boundaries', text: i18n.t('popup.prompts.stretchedThin') },
  { practice: 'boundaries', text: i18n.t('popup.prompts.limitThisWeek') },

  { practice: 'taking responsibility', text: i18n.t('popup.prompts.partToOwn') },
  { practice: 'taking responsibility', text: i18n.t('popup.prompts.promiseKeep') },
  { practice: 'taking responsibility', text: i18n.t('popup.prompts.smallStep') },
  { practice: 'taking responsibility', text: i18n.t('popup.prompts.gladChoice') },
  { practice: 'taking responsibility', text: i18n.t('popup.prompts.makeRight') },
  { practice: 'taking responsibility', text: i18n.t('popup.prompts.learnFrom') },
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
