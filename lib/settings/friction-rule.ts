/**
 * The rule that lengthens the wait before Continue on a site through a day
 * (`pause/friction.ts` applies it): each further Continue on the same day
 * adds `stepSeconds`, up to `capSeconds`, until a note written at a pause
 * starts the count again. Absent from the settings means the default.
 */
export interface FrictionRule {
  on: boolean;
  /** Seconds each further Continue of the day adds to the next wait. */
  stepSeconds: number;
  /** The longest wait the rule makes, in seconds (a site's own longer wait stays as it is). */
  capSeconds: number;
}

/** Bounds for the step and the cap, in seconds. */
export const FRICTION_STEP = { min: 1, max: 30 } as const;
export const FRICTION_CAP = { min: 5, max: 120 } as const;

/** On, 5 s a visit, up to 30 s. */
export const FRICTION_DEFAULT: FrictionRule = { on: true, stepSeconds: 5, capSeconds: 30 };

const FRICTION_FIELDS: Record<keyof FrictionRule, true> = { on: true, stepSeconds: true, capSeconds: true };

function clamp(value: unknown, bounds: { min: number; max: number }, fallback: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback;
  return Math.min(bounds.max, Math.max(bounds.min, n));
}

/** The rule as stored, read defensively; absent or unreadable fields take the default. */
export function normaliseFrictionRule(raw: unknown): FrictionRule {
  const r = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Partial<Record<keyof FrictionRule, unknown>>) : {};
  return {
    on: r.on !== false,
    stepSeconds: clamp(r.stepSeconds, FRICTION_STEP, FRICTION_DEFAULT.stepSeconds),
    capSeconds: clamp(r.capSeconds, FRICTION_CAP, FRICTION_DEFAULT.capSeconds),
  };
}

/** The rule as kept in the settings: undefined when it is the default, so settings stay as they were for people who never change it. */
export function storedFrictionRule(raw: unknown): FrictionRule | undefined {
  if (raw === undefined) return undefined;
  const rule = normaliseFrictionRule(raw);
  const isDefault = (Object.keys(FRICTION_FIELDS) as Array<keyof FrictionRule>).every((k) => rule[k] === FRICTION_DEFAULT[k]);
  return isDefault ? undefined : rule;
}
