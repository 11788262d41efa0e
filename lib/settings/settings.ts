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
 */
export interface TriggerSite {
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
}

/** Settings a fresh install starts from: nothing is paused until the user chooses. */
export const DEFAULT_SETTINGS: Settings = { sites: [], meetings: { unmuteCard: false, afterCall: AFTER_CALL_DEFAULT } };

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback;
  return Math.min(max, Math.max(min, n));
}

/**
 * Turns whatever is in storage into well-formed settings. Storage can hold
 * anything after a bad import, a hand edit or an older version, and a page
 * load must never crash on it: entries that cannot be read are dropped, fields
 * out of range are clamped.
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
      id: s.id,
      label: typeof s.label === 'string' && s.label ? s.label : patterns[0]!,
      patterns,
      ...(s.exactHost === true ? { exactHost: true } : {}),
      enabled: s.enabled !== false,
      waitSeconds: clampInt(s.waitSeconds, WAIT_SECONDS.min, WAIT_SECONDS.max, WAIT_SECONDS.default),
      windowMinutes: clampInt(s.windowMinutes, OPEN_MINUTES.min, OPEN_MINUTES.max, OPEN_MINUTES.default),
      ...(typeof s.presetId === 'string' ? { presetId: s.presetId } : {}),
      kind: s.kind === 'meeting' ? 'meeting' : 'feed',
    });
  }
  return { sites, meetings: { unmuteCard: meetings?.unmuteCard === true, afterCall: normaliseAfterCallAsk(meetings?.afterCall) } };
}

