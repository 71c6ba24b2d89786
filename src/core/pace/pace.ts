import type { PeriodBounds, Pace } from '../metrics/goalProgress';
import { expectedByNow } from '../metrics/goalProgress';
import type { WorkingHours } from '../settings/appSettings';
import { addWorkingMinutes, workingMinutesBetween } from '../periods/workingTime';

/** Below this share of the period's working time a projection would swing wildly, so none is given. */
export const MINIMUM_ELAPSED_FOR_PROJECTION = 0.1;
/** A catch-up step looks this far ahead in working time: concrete, and soon enough to act on. */
export const CATCH_UP_WORKING_MINUTES = 60;
/** The rest of a target is reachable if it needs at most this multiple of the planned pace. */
export const SUSTAINABLE_PACE = 1.5;

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
  const remainingWork = Math.max(0, total - elapsed);
  const remainingTarget = Math.max(0, target - value);
  const isReachable =
    remainingTarget === 0 ||
    (total > 0 &&
      remainingWork > 0 &&
      remainingTarget <= (target / total) * remainingWork * SUSTAINABLE_PACE);
  let catchUp: Pace['catchUp'] = null;
  if (value < expectedByNow({ milestone }) && total > 0) {
    const by = addWorkingMinutes(now, CATCH_UP_WORKING_MINUTES, hours, timeZone, bounds.end) ?? bounds.end;
    const expectedThen = Math.floor(
      (target * workingMinutesBetween(bounds.start, Math.min(by, bounds.end), hours, timeZone)) / total,
    );
    catchUp = { count: Math.max(1, expectedThen - value), by };
  }
  return { milestone, elapsedWorkFraction, projection, aheadBy: value - milestone, catchUp, isReachable };
}
