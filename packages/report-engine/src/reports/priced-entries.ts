import { HOUR, type LocalMoment } from '../calendar.ts';
import type { Entry, Rounding, Workspace } from '../data/report-data.ts';
import { roundSeconds } from '../request/rounding.ts';

/** An entry as reports count it: its duration after rounding, and what that time earns. */
export interface PricedEntry {
  entry: Entry;
  /** The entry's own start, end and last change: so that a detailed report's line can be a priced entry as it is. */
  start: LocalMoment;
  end: LocalMoment;
  updatedAt: number;
  seconds: number;
  /** `null` when the entry is not billable: Toggl leaves its amount empty rather than writing 0.00. */
  amountCents: number | null;
  /** The hourly rate the amount was computed with; `null` when not billable. */
  rateCents: number | null;
}

/** Toggl's order of rates: the task's, else the project's, else the member's, else the workspace's. */
export function hourlyRateCents(entry: Entry, workspace: Workspace): number {
  const task = entry.taskId === null ? undefined : workspace.tasks.get(entry.taskId);
  const project = entry.projectId === null ? undefined : workspace.projects.get(entry.projectId);
  return task?.rateCents ?? project?.rateCents ?? workspace.users.get(entry.userId)?.rateCents ?? workspace.defaultRateCents ?? 0;
}

/** Each entry rounded on its own, as Toggl rounds, and priced from its rounded duration. */
export function priceEntries(entries: readonly Entry[], workspace: Workspace, rounding: Rounding | null): PricedEntry[] {
  return entries.map((entry) => {
    const { start, end, updatedAt } = entry;
    const seconds = roundSeconds(entry.durationSeconds, rounding);
    if (!entry.billable) return { entry, start, end, updatedAt, seconds, amountCents: null, rateCents: null };
    const rateCents = hourlyRateCents(entry, workspace);
    return { entry, start, end, updatedAt, seconds, amountCents: Math.round((seconds * rateCents) / HOUR), rateCents };
  });
}

/** Groups items by a key, keeping the first-seen order of keys. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export const sumOf = <T>(items: readonly T[], value: (item: T) => number | null): number =>
  items.reduce((sum, item) => sum + (value(item) ?? 0), 0);
