import type { Entry, Workspace } from '../data/report-data.ts';
import type { components } from '../generated/openapi.ts';

type ReportFilters = components['schemas']['ReportFilters'];
type Predicate = (entry: Entry) => boolean;

const KEEP_ALL: Predicate = () => true;

/**
 * `[101, 102]` keeps those IDs; a `null` in the list (`[null]`, `[null, 101]`) also keeps
 * records that have none. An empty list filters nothing, like a list left out.
 */
function idFilter(ids: readonly (number | null)[] | undefined, idOf: (entry: Entry) => number | null): Predicate | undefined {
  if (ids === undefined || ids.length === 0) return undefined;
  const wanted = new Set(ids);
  return (entry) => wanted.has(idOf(entry));
}

const projectOf = (entry: Entry, workspace: Workspace) => (entry.projectId === null ? undefined : workspace.projects.get(entry.projectId));

const clientFilter = (ids: readonly (number | null)[] | undefined, workspace: Workspace) =>
  idFilter(ids, (entry) => projectOf(entry, workspace)?.clientId ?? null);

/**
 * The time entries a report body's filters select: every filter that is set must match.
 * Projects, clients, tasks and tags take `null` for "none"; `description` matches a part of the
 * description, ignoring case; the duration bounds are the tracked (unrounded) seconds, both included.
 */
function entryFilter(body: ReportFilters, workspace: Workspace): Predicate {
  const tags = body.tag_ids && body.tag_ids.length > 0 ? new Set(body.tag_ids) : undefined;
  const groups = body.group_ids && body.group_ids.length > 0 ? new Set(body.group_ids) : undefined;
  const description = body.description?.toLowerCase();
  const { min_duration_seconds: min, max_duration_seconds: max, billable } = body;
  const predicates = [
    idFilter(body.project_ids, (entry) => entry.projectId),
    clientFilter(body.client_ids, workspace),
    idFilter(body.task_ids, (entry) => entry.taskId),
    idFilter(body.user_ids, (entry) => entry.userId),
    idFilter(body.time_entry_ids, (entry) => entry.id),
    tags && ((entry: Entry) => (entry.tagIds.length === 0 ? tags.has(null) : entry.tagIds.some((id) => tags.has(id)))),
    groups && ((entry: Entry) => (workspace.users.get(entry.userId)?.groupIds ?? []).some((id) => groups.has(id))),
    billable === undefined ? undefined : (entry: Entry) => entry.billable === billable,
    description ? (entry: Entry) => entry.description.toLowerCase().includes(description) : undefined,
    min === undefined ? undefined : (entry: Entry) => entry.durationSeconds >= min,
    max === undefined ? undefined : (entry: Entry) => entry.durationSeconds <= max,
  ].filter((predicate): predicate is Predicate => predicate !== undefined);
  if (predicates.length === 0) return KEEP_ALL;
  return (entry) => predicates.every((predicate) => predicate(entry));
}

/** The entries of `entries` that the body's filters select: all of them, without a copy, when it sets none. */
export function selectEntries(entries: readonly Entry[], body: ReportFilters, workspace: Workspace): readonly Entry[] {
  const keep = entryFilter(body, workspace);
  return keep === KEEP_ALL ? entries : entries.filter(keep);
}

/**
 * The project filters of the insights: only entries on a project count (time without one is
 * left out), of the projects and clients asked for, and `billable` is the project's flag, not
 * the entry's.
 */
export function projectFilter(body: Pick<ReportFilters, 'project_ids' | 'client_ids' | 'billable'>, workspace: Workspace): Predicate {
  const projects = idFilter(body.project_ids, (entry) => entry.projectId) ?? KEEP_ALL;
  const clients = clientFilter(body.client_ids, workspace) ?? KEEP_ALL;
  const { billable } = body;
  return (entry) => {
    const project = projectOf(entry, workspace);
    return project !== undefined && projects(entry) && clients(entry) && (billable === undefined || project.billable === billable);
  };
}
