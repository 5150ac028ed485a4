import { HOUR } from '../calendar.ts';
import type { Entry, Rounding, Workspace } from '../data/report-data.ts';
import type { components } from '../generated/openapi.ts';
import { selectEntries } from '../request/filters.ts';
import type { Period } from '../request/period.ts';
import { roundingOf, roundSeconds } from '../request/rounding.ts';

/** An entry as reports count it: its duration after rounding, and what that time earns. */
export interface PricedEntry {
  entry: Entry;
  seconds: number;
  /** `null` when the entry is not billable: Toggl leaves its amount empty rather than writing 0.00. */
  amountCents: number | null;
  /** The hourly rate the amount was computed with; `null` when not billable. */
  rateCents: number | null;
}

/** Toggl's order of rates: the task's, else the project's, else the member's, else the workspace's. */
function hourlyRateCents(entry: Entry, workspace: Workspace): number {
  const task = entry.taskId === null ? undefined : workspace.tasks.get(entry.taskId);
  const project = entry.projectId === null ? undefined : workspace.projects.get(entry.projectId);
  return task?.rateCents ?? project?.rateCents ?? workspace.users.get(entry.userId)?.rateCents ?? workspace.defaultRateCents ?? 0;
}

/** Each entry rounded on its own, as Toggl rounds, and priced from its rounded duration. */
export function priceEntries(entries: readonly Entry[], workspace: Workspace, rounding: Rounding | null): PricedEntry[] {
  return entries.map((entry) => {
    const seconds = roundSeconds(entry.durationSeconds, rounding);
    if (!entry.billable) return { entry, seconds, amountCents: null, rateCents: null };
    const rateCents = hourlyRateCents(entry, workspace);
    return { entry, seconds, amountCents: Math.round((seconds * rateCents) / HOUR), rateCents };
  });
}

/** The entries of the period that a report body's filters select, priced with the body's rounding. */
export function pricedSelection(body: components['schemas']['ReportFilters'], workspace: Workspace, period: Period): PricedEntry[] {
  const selected = selectEntries(workspace.entriesBetween(period.start, period.end), body, workspace);
  return priceEntries(selected, workspace, roundingOf(body, workspace));
}

export const sumOf = <T>(items: readonly T[], value: (item: T) => number | null): number =>
  items.reduce((sum, item) => sum + (value(item) ?? 0), 0);

/** The rounded time of the entries. */
export const secondsOf = (members: readonly PricedEntry[]): number => sumOf(members, (member) => member.seconds);

/** What the entries earned; `null` when none of them is billable. */
export const amountOf = (members: readonly PricedEntry[]): number | null =>
  members.some((member) => member.amountCents !== null) ? sumOf(members, (member) => member.amountCents) : null;
