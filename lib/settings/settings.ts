import { normaliseSchedule, type Schedule } from './schedule';
import { normaliseSiteOptions, type SiteOptions } from './site-options';
import { storedFrictionRule, type FrictionRule } from './friction-rule';

/** Bounds for the honest wait before Continue is enabled, in seconds. */
export const WAIT_SECONDS = { min: 0, max: 60, default: 5 } as const;
/** Bounds for a Continue open time, in minutes. */
export const OPEN_MINUTES = { min: 1, max: 240, default: 15 } as const;
/** The durations offered as one-click choices when continuing. */
export const OPEN_CHOICES = [5, 15, 30] as const;

/** What a trigger site is for: a feed gets the full pause, a meeting gets gentle, never-blocking cards. */
export type SiteKind = 'feed' | 'meeting';

/**
 * One place the user chose to pause on: a preset (which may hold several
 * hosts, like X's x.com and twitter.com) or a site the user typed.
 * Its `SiteOptions` (exceptions, intention, questions) apply to feed sites.
 */
export interface TriggerSite extends SiteOptions {
  /** Stable id: the preset id, or `site:` plus the normalised pattern. */
  id: string;
  /** What the user sees in lists, e.g. "Reddit" or "youtube.com/shorts". */
  label: string;
  /** Site inputs as accepted by `parseSite`, already normalised. */
  patterns: string[];
  /** Set when the subdomains toggle is off for this site. */
  exactHost?: boolean;
  enabled: boolean;
  waitSeconds: number;
  windowMinutes: number;
  /** Present when the site came from a preset. */
  presetId?: string;
  kind: SiteKind;
  /** When this site pauses, instead of the schedule for all sites; empty: at any time. Absent: it follows the one for all sites. */
  schedule?: Schedule;
}

/** How often the line after a call is asked (see lib/meetings/after-call.ts). */
export type AfterCallAsk = 'every' | 'some' | 'never';

export const AFTER_CALL_ASKS: readonly AfterCallAsk[] = ['every', 'some', 'never'];

/** The default: some calls. */
export const AFTER_CALL_DEFAULT: AfterCallAsk = 'some';

/** Reads a stored choice defensively. */
export function normaliseAfterCallAsk(raw: unknown): AfterCallAsk {
  return AFTER_CALL_ASKS.find((a) => a === raw) ?? AFTER_CALL_DEFAULT;
}

/** How meeting pages behave. */
export interface MeetingSettings {
  /** A three-second breath card when the user unmutes. Off unless the user turns it on. */
  unmuteCard: boolean;
  /** How often the line after a call is asked: every call, some calls (the default), or never. */
  afterCall: AfterCallAsk;
}

/** Everything the user configures. Kept as the registry's `settingsItem`. */
export interface Settings {
  sites: TriggerSite[];
  meetings: MeetingSettings;
  /** When feed sites pause, unless a site has its own. Absent or empty: at any time. */
  schedule?: Schedule;
  /** How the wait grows with each Continue of a day (`friction-rule.ts`). Absent: the default rule. */
  friction?: FrictionRule;
}

/** Settings a fresh install starts from: nothing is paused until the user chooses. */
export const DEFAULT_SETTINGS: Settings = { sites: [], meetings: { unmuteCard: false, afterCall: AFTER_CALL_DEFAULT } };

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback;
  return Math.min(max, Math.max(min, n));
}

/**
 * The fields this version knows, per object. A field not listed is one a
 * newer version wrote: it is kept as it is and otherwise ignored, so settings
 * from a newer version (another device, an import) never lose it here. Typed
 * as records so a field added to the interfaces must be listed here too.
 */
const SETTINGS_FIELDS: Record<keyof Settings, true> = { sites: true, meetings: true, schedule: true, friction: true };
const MEETING_FIELDS: Record<keyof MeetingSettings, true> = { unmuteCard: true, afterCall: true };
const SITE_FIELDS: Record<keyof TriggerSite, true> = {
  id: true,
  label: true,
  patterns: true,
  exactHost: true,
  enabled: true,
  waitSeconds: true,
  windowMinutes: true,
  presetId: true,
  kind: true,
  exceptions: true,
  intention: true,
  questions: true,
  checkIn: true,
  checkInScreens: true,
  checkInMinutes: true,
  pauseStyles: true,
  schedule: true,
};

/** Keys that would reach a prototype if ever copied by assignment: never kept. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The fields of `raw` that `known` does not list, as a fresh object (for a version that knows them). */
export function unknownFields(raw: unknown, known: Readonly<Record<string, true>>): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter(([key, value]) => !Object.hasOwn(known, key) && !UNSAFE_KEYS.has(key) && value !== undefined));
}

/**
 * Turns whatever is in storage into well-formed settings. Storage can hold
 * anything after a bad import, a hand edit or an older version, and a page
 * load must never crash on it: entries that cannot be read are dropped, fields
 * out of range are clamped. Fields this version does not know (a newer
 * version's) are kept as they are, at the top level, in `meetings` and in each
 * site; a known field always takes its normalised value.
 */
export function normaliseSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as Settings).sites)) {
    return structuredClone(DEFAULT_SETTINGS);
  }
  const meetings = (raw as Partial<Settings>).meetings;
  const seen = new Set<string>();
  const sites: TriggerSite[] = [];
  for (const entry of (raw as { sites: unknown[] }).sites) {
    if (!entry || typeof entry !== 'object') continue;
    const s = entry as Partial<TriggerSite>;
    if (typeof s.id !== 'string' || seen.has(s.id)) continue;
    const patterns = Array.isArray(s.patterns) ? s.patterns.filter((p): p is string => typeof p === 'string') : [];
    if (patterns.length === 0) continue;
    seen.add(s.id);
    sites.push({
      ...unknownFields(s, SITE_FIELDS),
      id: s.id,
      label: typeof s.label === 'string' && s.label ? s.label : patterns[0]!,
      patterns,
      ...(s.exactHost === true ? { exactHost: true } : {}),
      enabled: s.enabled !== false,
      waitSeconds: clampInt(s.waitSeconds, WAIT_SECONDS.min, WAIT_SECONDS.max, WAIT_SECONDS.default),
      windowMinutes: clampInt(s.windowMinutes, OPEN_MINUTES.min, OPEN_MINUTES.max, OPEN_MINUTES.default),
      ...(typeof s.presetId === 'string' ? { presetId: s.presetId } : {}),
      kind: s.kind === 'meeting' ? 'meeting' : 'feed',
      ...normaliseSiteOptions(s),
      ...(Array.isArray(s.schedule) ? { schedule: normaliseSchedule(s.schedule) } : {}),
    });
  }
  const schedule = normaliseSchedule((raw as Partial<Settings>).schedule);
  const friction = storedFrictionRule((raw as Partial<Settings>).friction);
  return {
    ...unknownFields(raw, SETTINGS_FIELDS),
    sites,
    meetings: { ...unknownFields(meetings, MEETING_FIELDS), unmuteCard: meetings?.unmuteCard === true, afterCall: normaliseAfterCallAsk(meetings?.afterCall) },
    ...(schedule.length ? { schedule } : {}),
    ...(friction ? { friction } : {}),
  };
}

