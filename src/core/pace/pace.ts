import type { PeriodBounds, Pace } from '../metrics/goalProgress';
import type { WorkingHours } from '../settings/appSettings';
import { workingMinutesBetween } from '../periods/workingTime';

/** Below this share of the period's working time a projection would swing wildly, so none is given. */
export const MINIMUM_ELAPSED_FOR_PROJECTION = 0.1;

/**
 * Where a count goal should be by now if the target were spread evenly over the period's working time,
 * and where the current rate would take it by the end. Outside working hours the milestone holds still.
 * A period with no working time at all (e.g. a weekend day) expects nothing until it is over.
 */
export function paceFor(
  value: number,
  target: number,
  bounds: PeriodBounds,
  now: number,
  hours: WorkingHours,
  timeZone: string,
): Pace {
  const total = workingMinutesBetween(bounds.start, bounds.end, hours, timeZone);
  const elapsed = workingMinutesBetween(bounds.start, Math.min(now, bounds.end), hours, timeZone);
  const elapsedWorkFraction = total > 0 ? elapsed / total : now >= bounds.end ? 1 : 0;
  const milestone = target * elapsedWorkFraction;
  const projection =
    elapsedWorkFraction >= MINIMUM_ELAPSED_FOR_PROJECTION
      ? Math.round((value / elapsedWorkFraction) * 10) / 10
      : null;
  return { milestone, elapsedWorkFraction, projection, aheadBy: value - milestone };
}
