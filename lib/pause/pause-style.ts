import { i18n } from '#i18n';
import type { PauseStyle } from '../browser/messages';
import { WAIT_SECONDS } from '../settings/settings';
import { PAUSE_STYLES, stylesOf } from '../settings/site-options';

/**
 * Pause styles in turn: a site with several styles on shows them one after
 * another, pause by pause, and the first time a style shows the pause says
 * why it looks different. Pure: the background keeps the turns
 * (`pauseStylesItem`) and asks here for the next.
 */

/** Where a site's turns stand: the style shown last, at which pause, and every style shown so far. */
export interface StyleTurns {
  last: PauseStyle;
  pauseId: string;
  seen: PauseStyle[];
  /** Whether the last pause was the first to show its style (a reload of it says so again). */
  lastWasNew?: boolean;
}

/** The style pause `pauseId` shows, whether it shows for the first time, and the turns after it. */
export interface StyleTurn {
  style: PauseStyle;
  isNew: boolean;
  turns: StyleTurns;
}

/**
 * The next style of a site whose styles on are `enabled` (absent: the
 * question alone), after `turns`. "Your own words" is passed over when there
 * are none to show. The question and a breath is everyone's first pause, so
 * it is never new; any other style is new the first time it shows. The same
 * pause asked again (its page reloaded) gets the same answer.
 */
export function nextStyle(enabled: readonly PauseStyle[] | undefined, turns: StyleTurns | undefined, pauseId: string, wordsAvailable: boolean): StyleTurn {
  if (turns && turns.pauseId === pauseId) return { style: turns.last, isNew: turns.lastWasNew === true, turns };
  const usable = stylesOf(enabled).filter((s) => s !== 'words' || wordsAvailable);
  const inTurn = usable.length ? usable : (['question'] as PauseStyle[]);
  const after = turns ? PAUSE_STYLES.indexOf(turns.last) : -1;
  const style = inTurn.find((s) => PAUSE_STYLES.indexOf(s) > after) ?? inTurn[0]!;
  const seen = turns?.seen ?? [];
  const isNew = style !== 'question' && !seen.includes(style);
  return { style, isNew, turns: { last: style, pauseId, seen: isNew ? [...seen, style] : seen, lastWasNew: isNew } };
}

/** Reads stored turns defensively: anything unreadable is no turns yet. */
export function normaliseStyleTurns(raw: unknown): StyleTurns | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const t = raw as Partial<Record<keyof StyleTurns, unknown>>;
  const last = PAUSE_STYLES.find((s) => s === t.last);
  if (!last || typeof t.pauseId !== 'string') return undefined;
  const seen = Array.isArray(t.seen) ? PAUSE_STYLES.filter((s) => (t.seen as unknown[]).includes(s)) : [];
  return { last, pauseId: t.pauseId, seen, ...(t.lastWasNew === true ? { lastWasNew: true } : {}) };
}

/** The wait of a pause with a longer breath: twice the site's, at least 10 s, at most the longest wait a site can have. */
export function longBreathSeconds(baseSeconds: number): number {
  return Math.min(WAIT_SECONDS.max, Math.max(10, baseSeconds * 2));
}

/** How long one breath of the circle lasts, in seconds: slower with a longer breath. */
export function breathSeconds(style: PauseStyle | undefined): number {
  return style === 'long-breath' ? 12 : 8;
}

const WHY = {
  question: undefined,
  'intention-first': 'pause.styleWhy.intentionFirst',
  words: 'pause.styleWhy.words',
  'long-breath': 'pause.styleWhy.longBreath',
} as const satisfies Record<PauseStyle, string | undefined>;

/** What a pause says the first time its style shows. */
export function styleNote(style: PauseStyle): string {
  const why = WHY[style];
  return why ? `${i18n.t('pause.styleNote')} ${i18n.t(why)}` : i18n.t('pause.styleNote');
}
