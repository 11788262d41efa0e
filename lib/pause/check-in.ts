import type { TriggerSite } from '../settings/settings';
import { CHECK_IN } from '../settings/site-options';

/** When a site checks in inside an open time: after `screens` of scrolling, or `ms` of time in view, whichever comes first. */
export interface CheckInPlan {
  screens: number;
  ms: number;
}

/**
 * The check-ins `site` asks for, or undefined when it asks none. Never on a
 * meeting site; on a feed preset unless turned off, on a site the user typed
 * only when turned on.
 */
export function checkInPlan(site: TriggerSite): CheckInPlan | undefined {
  if (site.kind !== 'feed' || !(site.checkIn ?? !!site.presetId)) return undefined;
  return { screens: site.checkInScreens ?? CHECK_IN.screens.default, ms: (site.checkInMinutes ?? CHECK_IN.minutes.default) * 60_000 };
}

/** How far the user has come inside one open time, and where the next check-in is. */
export interface CheckInMeter {
  /** Screens scrolled, in any container, in either direction. */
  screens: number;
  /** Time the page was in view, in ms. */
  ms: number;
  nextScreens: number;
  nextMs: number;
}

/**
 * The most one scroll counts, in screens: a jump (back to the top, a list the
 * page rebuilt) is not reading.
 */
export const MAX_JUMP_SCREENS = 2;
/** The most one look at the clock counts, in ms: a computer that slept was not scrolling. */
export const MAX_TICK_MS = 30_000;

/** A meter at the start of an open time. */
export function startMeter(plan: CheckInPlan): CheckInMeter {
  return { screens: 0, ms: 0, nextScreens: plan.screens, nextMs: plan.ms };
}

/** The meter after a scroll of `px` pixels in a container `height` pixels tall. */
export function addScroll(meter: CheckInMeter, px: number, height: number): CheckInMeter {
  if (!(height > 0) || !Number.isFinite(px) || px === 0) return meter;
  return { ...meter, screens: meter.screens + Math.min(MAX_JUMP_SCREENS, Math.abs(px) / height) };
}

/** The meter after `ms` more of the page in view. */
export function addTime(meter: CheckInMeter, ms: number): CheckInMeter {
  return ms > 0 ? { ...meter, ms: meter.ms + Math.min(ms, MAX_TICK_MS) } : meter;
}

/** Whether a check-in is due (screens are summed fractions: ten fifths are due as two). */
export function checkInDue(meter: CheckInMeter): boolean {
  return meter.screens + 1e-9 >= meter.nextScreens || meter.ms >= meter.nextMs;
}

/** After Keep going: the next check-in one whole interval on from here, in scrolling and in time. */
export function keepGoing(meter: CheckInMeter, plan: CheckInPlan): CheckInMeter {
  return { ...meter, nextScreens: meter.screens + plan.screens, nextMs: meter.ms + plan.ms };
}
