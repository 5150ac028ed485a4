import type { Rounding, Workspace } from '../data/report-data.ts';
import { invalidValue } from './request-error.ts';

/** A body's rounding fields: `rounding` says which way (0 nearest, 1 up, -1 down), `rounding_minutes` the step. */
interface RoundingFields {
  rounding?: number;
  rounding_minutes?: number;
}

/** Rounding steps longer than a day mean nothing for time entries; the insights, which take any step, are held to this. */
export const MAX_ROUNDING_MINUTES = 1440;

/**
 * How the body asks for durations to be rounded, each field falling back to the workspace's
 * default as Toggl falls back to the user's preference: `null` for no rounding. Any positive
 * `rounding` rounds up and any negative one down, as 1 and -1 do.
 */
export function roundingOf(body: RoundingFields, workspace: Workspace): Rounding | null {
  const minutes = body.rounding_minutes ?? workspace.rounding.minutes;
  if (minutes < 0 || minutes > MAX_ROUNDING_MINUTES)
    throw invalidValue('rounding_minutes', `must be from 0 (no rounding) to ${MAX_ROUNDING_MINUTES} (a day)`);
  if (minutes === 0) return null;
  return { direction: Math.sign(body.rounding ?? workspace.rounding.direction) as Rounding['direction'], minutes };
}

const round = { [-1]: Math.floor, 0: Math.round, 1: Math.ceil } as const;

/** A duration in seconds, rounded to whole steps of the rounding. */
export function roundSeconds(seconds: number, rounding: Rounding | null): number {
  if (rounding === null) return seconds;
  const step = rounding.minutes * 60;
  return round[rounding.direction](seconds / step) * step;
}
