// Random small datasets and detailed-report bodies, and an oracle for the detailed CSV written from
// the mock server README's rules ("Which entries", "Durations and amounts"), sharing no code with
// the engine. Used by the engine's property test and by the mock server's, over HTTP.
import fc from 'fast-check';
import { plusDays, rfc3339, wallClock } from './local-time.ts';

export type Json = Record<string, any>;

export const WORKSPACE_ID = 42;
const OTHER_WORKSPACE_ID = 43;

const ZONES = [
  undefined,
  'Europe/Tallinn',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Pacific/Kiritimati',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
] as const;
/** Months with DST changes (March, October, November) and a leap February. */
const MONTHS = ['2026-03', '2026-10', '2026-11', '2024-02'] as const;
const NAMES = ['Ada Lovelace', 'Grace "Amazing" Hopper', 'Hopper, Grace', 'Zoë Ünicode'] as const;
const DESCRIPTIONS = [
  'Design review',
  'design QA',
  'Code review',
  'Café visit',
  'Quote "q", comma',
  'multi\nline',
  '',
  null,
  undefined,
] as const;
const RATES = [0, 50, 87.5, 99.99, 120, 150.25] as const;
const OFFSETS = [0, 330, -420, 120, 840, -150] as const;
const STEPS = [0, 1, 5, 6, 10, 12, 15, 30, 60, 240] as const;

const FIRST_USER = 11;
const FIRST_CLIENT = 21;
const FIRST_PROJECT = 31;
const FIRST_TASK = 41;
const FIRST_TAG = 51;
const FIRST_GROUP = 61;
const FIRST_ENTRY = 1001;

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const withoutUndefined = (object: Json): Json => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

export interface Model {
  month: (typeof MONTHS)[number];
  dataset: Json;
}

const entrySpec = fc.record({
  user: fc.nat(),
  workspace: fc.constantFrom(WORKSPACE_ID, WORKSPACE_ID, WORKSPACE_ID, WORKSPACE_ID, WORKSPACE_ID, OTHER_WORKSPACE_ID),
  project: optional(fc.nat()),
  task: optional(fc.nat()),
  description: fc.constantFrom(...DESCRIPTIONS),
  billable: optional(fc.boolean()),
  /** Seconds after the day before the month begins (UTC). */
  startSeconds: fc.nat({ max: 33 * 86_400 }),
  duration: fc.oneof(fc.nat({ max: 5 * 3600 }), fc.constantFrom(0, 59, 60, 450, 900, 3600)),
  form: fc.constantFrom('stop', 'duration', 'both', 'both', 'stop', 'running', 'running-without-stop'),
  offset: fc.constantFrom(...OFFSETS),
  tags: fc.subarray([0, 1, 2]),
  tagForm: fc.constantFrom('list', 'list', 'null', 'absent'),
  at: fc.boolean(),
});

/** Workspace rounding defaults: none, a step, a direction without a step, or both (each falls back on its own). */
const workspaceRounding = fc.oneof(
  fc.constant({}),
  fc.record({ rounding_minutes: fc.constantFrom(...STEPS) }),
  fc.record({ rounding: fc.constantFrom(-1, 0, 1) }),
  fc.record({ rounding: fc.constantFrom(-1, 0, 1), rounding_minutes: fc.constantFrom(...STEPS) }),
);

export const modelArbitrary: fc.Arbitrary<Model> = fc
  .record({
    month: fc.constantFrom(...MONTHS),
    users: fc.array(
      fc.record({
        name: fc.constantFrom(...NAMES),
        zone: fc.constantFrom(...ZONES),
        email: fc.boolean(),
        rate: optional(fc.option(fc.constantFrom(...RATES))),
      }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    groups: fc.array(fc.subarray([0, 1, 2]), { maxLength: 2 }),
    clients: fc.integer({ min: 0, max: 2 }),
    projects: fc.array(
      fc.record({
        client: optional(fc.option(fc.nat())),
        billable: optional(fc.boolean()),
        rate: optional(fc.option(fc.constantFrom(...RATES))),
      }),
      { maxLength: 3 },
    ),
    tasks: fc.array(fc.record({ project: fc.nat(), rate: optional(fc.option(fc.constantFrom(...RATES))) }), { maxLength: 4 }),
    tags: fc.integer({ min: 0, max: 3 }),
    currency: fc.constantFrom('EUR', '', undefined),
    defaultRate: optional(fc.option(fc.constantFrom(...RATES))),
    rounding: workspaceRounding,
    entries: fc.array(entrySpec, { maxLength: 40, size: 'max' }),
  })
  .map((plan): Model => {
    const users = plan.users.map((user, index) =>
      withoutUndefined({
        id: FIRST_USER + index,
        fullname: user.name,
        email: user.email ? `user${index}@example.test` : undefined,
        timezone: user.zone,
        ...(user.rate !== undefined && { rate: user.rate }),
      }),
    );
    const groups = plan.groups.map((members, index) => ({
      id: FIRST_GROUP + index,
      name: `Group ${index}`,
      user_ids: members.filter((member) => member < users.length).map((member) => FIRST_USER + member),
    }));
    const clients = Array.from({ length: plan.clients }, (_, index) => ({
      id: FIRST_CLIENT + index,
      name: index === 0 ? 'Harbor, Wells & Co.' : `Client ${index}`,
    }));
    const projects = plan.projects.map((project, index) =>
      withoutUndefined({
        id: FIRST_PROJECT + index,
        name: `Project ${index}`,
        client_id:
          project.client === undefined
            ? undefined
            : project.client === null || clients.length === 0
              ? null
              : FIRST_CLIENT + (project.client % clients.length),
        billable: project.billable,
        ...(project.rate !== undefined && { rate: project.rate }),
      }),
    );
    const tasks =
      projects.length === 0
        ? []
        : plan.tasks.map((task, index) =>
            withoutUndefined({
              id: FIRST_TASK + index,
              name: `Task ${index}`,
              project_id: FIRST_PROJECT + (task.project % projects.length),
              ...(task.rate !== undefined && { rate: task.rate }),
            }),
          );
    const tags = Array.from({ length: plan.tags }, (_, index) => ({
      id: FIRST_TAG + index,
      name: ['Meeting', 'Bugfix', 'Deep work'][index]!,
    }));
    const monthStart = Date.parse(`${plan.month}-01T00:00:00Z`) - 86_400_000;
    const time_entries = plan.entries.map((spec, index) => {
      const project = spec.project === undefined || projects.length === 0 ? undefined : projects[spec.project % projects.length]!;
      const projectTasks = project ? tasks.filter((task) => task.project_id === project['id']) : [];
      const task = spec.task === undefined || projectTasks.length === 0 ? undefined : projectTasks[spec.task % projectTasks.length]!;
      const startMs = monthStart + spec.startSeconds * 1000;
      const stopMs = startMs + spec.duration * 1000;
      const timing =
        spec.form === 'stop'
          ? { stop: rfc3339(stopMs, spec.offset) }
          : spec.form === 'duration'
            ? { duration: spec.duration }
            : spec.form === 'both'
              ? { stop: rfc3339(stopMs, -spec.offset, false), duration: spec.duration }
              : spec.form === 'running'
                ? { stop: null, duration: -Math.floor(startMs / 1000) }
                : { duration: -1 };
      const tagIds = spec.tags.filter((tag) => tag < tags.length).map((tag) => FIRST_TAG + tag);
      return withoutUndefined({
        id: FIRST_ENTRY + index,
        workspace_id: spec.workspace,
        user_id: FIRST_USER + (spec.user % users.length),
        project_id: project === undefined ? (spec.project === undefined ? undefined : null) : project['id'],
        task_id: task === undefined ? undefined : task['id'],
        description: spec.description,
        billable: spec.billable,
        start: rfc3339(startMs, spec.offset),
        ...timing,
        tag_ids: spec.tagForm === 'absent' ? undefined : spec.tagForm === 'null' ? null : tagIds,
        at: spec.at ? rfc3339(stopMs + 60_000, 0) : undefined,
        // Fields Toggl's API returns that the dataset ignores.
        server_deleted_at: null,
        wid: spec.workspace,
      });
    });
    const workspace = withoutUndefined({
      id: WORKSPACE_ID,
      name: 'Property Workspace',
      default_currency: plan.currency,
      ...(plan.defaultRate !== undefined && { default_hourly_rate: plan.defaultRate }),
      ...plan.rounding,
    });
    return {
      month: plan.month,
      dataset: {
        workspaces: [workspace, { id: OTHER_WORKSPACE_ID, name: 'Other', default_currency: 'USD' }],
        users,
        groups,
        clients,
        projects,
        tasks,
        tags,
        time_entries,
      },
    };
  });

const idList = (ids: readonly number[], nullable: boolean) =>
  fc.array(nullable ? fc.oneof(fc.constant(null), fc.constantFrom(...ids, 999)) : fc.constantFrom(...ids, 999), { maxLength: 3 });

const range = (first: number, count: number) => Array.from({ length: count }, (_, index) => first + index);

/** A detailed-report body: a period inside the model's month and any combination of filters. */
export function bodyArbitrary(month: string): fc.Arbitrary<Json> {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const day = fc.integer({ min: 1, max: days }).map((number) => `${month}-${String(number).padStart(2, '0')}`);
  const period = fc.oneof(
    fc.tuple(day, day).map(([a, b]) => (a <= b ? { start_date: a, end_date: b } : { start_date: b, end_date: a })),
    day.map((start_date) => ({ start_date })),
    day.map((end_date) => ({ end_date })),
  );
  const filterArbitraries: Record<string, fc.Arbitrary<unknown>> = {
    project_ids: idList(range(FIRST_PROJECT, 3), true),
    client_ids: idList(range(FIRST_CLIENT, 2), true),
    task_ids: idList(range(FIRST_TASK, 4), true),
    tag_ids: idList(range(FIRST_TAG, 3), true),
    user_ids: idList(range(FIRST_USER, 3), false),
    group_ids: idList(range(FIRST_GROUP, 2), false),
    time_entry_ids: fc.array(fc.constantFrom(...range(FIRST_ENTRY, 40), 999), { maxLength: 20 }),
    billable: fc.boolean(),
    description: fc.constantFrom('design', 'DESIGN', 'review', 'café', 'CAFÉ', '"q"', ', ', '\n', 'zzz', ''),
    min_duration_seconds: fc.oneof(fc.nat({ max: 5 * 3600 }), fc.constantFrom(0, 59, 60, 450, 900, 3600)),
    max_duration_seconds: fc.oneof(fc.nat({ max: 5 * 3600 }), fc.constantFrom(0, 59, 60, 450, 900, 3600)),
  };
  // A few filters at a time, so that rows are left to compare; any combination of them over the runs.
  const filters = fc
    .subarray(Object.keys(filterArbitraries), { maxLength: 4 })
    .chain((names) => fc.record(Object.fromEntries(names.map((name) => [name, filterArbitraries[name]!]))));
  const settings = fc.record(
    {
      rounding: fc.constantFrom(-2, -1, 0, 1, 2),
      rounding_minutes: fc.constantFrom(...STEPS),
      duration_format: fc.constantFrom('classic', 'decimal', 'improved'),
      hide_amounts: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  return fc.tuple(period, filters, settings).map(([dates, chosen, chosenSettings]) => {
    const body: Json = { ...dates, ...chosen, ...chosenSettings };
    // The spec's rule between the two bounds: the minimum not above the maximum.
    if (
      body['min_duration_seconds'] !== undefined &&
      body['max_duration_seconds'] !== undefined &&
      body['min_duration_seconds'] > body['max_duration_seconds']
    ) {
      [body['min_duration_seconds'], body['max_duration_seconds']] = [body['max_duration_seconds'], body['min_duration_seconds']];
    }
    return body;
  });
}

// --- the oracle ---

const pad2 = (value: number) => String(value).padStart(2, '0');
const cents = (rate: number | null | undefined): number | null => (rate === null || rate === undefined ? null : Math.round(rate * 100));

function duration(seconds: number, format: string): string {
  const [hours, minutes, rest] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  if (format === 'decimal') {
    // Hours to two decimals, half a hundredth up: by integers, so no binary fraction gets in the way.
    const hundredths = Math.floor((seconds * 100 + 1800) / 3600);
    return `${Math.floor(hundredths / 100)}.${pad2(hundredths % 100)}`;
  }
  if (format === 'improved') return seconds < 3600 ? `${minutes}:${pad2(rest)} min` : `${hours}:${pad2(minutes)}:${pad2(rest)}`;
  return `${pad2(hours)}:${pad2(minutes)}:${pad2(rest)}`;
}

function rounded(seconds: number, minutes: number, direction: number): number {
  if (minutes === 0) return seconds;
  const step = minutes * 60;
  const whole = Math.floor(seconds / step) * step;
  if (whole === seconds) return seconds;
  if (direction > 0) return whole + step;
  if (direction < 0) return whole;
  return seconds - whole >= step / 2 ? whole + step : whole;
}

export const DETAILED_COLUMNS = [
  'User',
  'Email',
  'Client',
  'Project',
  'Task',
  'Description',
  'Billable',
  'Start date',
  'Start time',
  'End date',
  'End time',
  'Duration',
  'Tags',
];

/** The detailed CSV's header and rows (in no particular order) for a body, from the README's rules. */
export function expectedDetailed(dataset: Json, workspaceId: number, body: Json): { header: string[]; rows: string[][] } {
  const workspace = (dataset['workspaces'] as Json[]).find((candidate) => candidate['id'] === workspaceId)!;
  const byId = (collection: string) => new Map(((dataset[collection] ?? []) as Json[]).map((item) => [item['id'] as number, item]));
  const [users, clients, projects, tasks, tags] = [byId('users'), byId('clients'), byId('projects'), byId('tasks'), byId('tags')];
  const groups = (dataset['groups'] ?? []) as Json[];

  const start: string = body['start_date'] ?? plusDays(body['end_date'], -6);
  const end: string = body['end_date'] ?? plusDays(body['start_date'], 6);
  const set = (list: unknown) => (Array.isArray(list) && list.length > 0 ? (list as (number | null)[]) : undefined);
  const [projectIds, clientIds, taskIds, tagIds, userIds, groupIds, entryIds] = [
    'project_ids',
    'client_ids',
    'task_ids',
    'tag_ids',
    'user_ids',
    'group_ids',
    'time_entry_ids',
  ].map((field) => set(body[field]));
  const minutes: number = body['rounding_minutes'] ?? workspace['rounding_minutes'] ?? 0;
  const direction: number = body['rounding'] ?? workspace['rounding'] ?? 0;
  const format: string = body['duration_format'] ?? 'classic';

  const rows: string[][] = [];
  for (const entry of (dataset['time_entries'] ?? []) as Json[]) {
    if (entry['workspace_id'] !== workspaceId) continue;
    const startMs = Date.parse(entry['start']);
    const hasStop = entry['stop'] !== null && entry['stop'] !== undefined;
    // Running entries (no stop, negative or no duration) are in no report.
    if (!hasStop && !(typeof entry['duration'] === 'number' && entry['duration'] >= 0)) continue;
    const tracked = hasStop ? Math.round((Date.parse(entry['stop']) - startMs) / 1000) : (entry['duration'] as number);
    const user = users.get(entry['user_id'])!;
    const zone: string = user['timezone'] ?? 'UTC';
    const from = wallClock(startMs, zone);
    const to = wallClock(startMs + tracked * 1000, zone);
    if (from.date < start || from.date > end) continue;

    const project = entry['project_id'] == null ? undefined : projects.get(entry['project_id']);
    const clientId: number | null = project?.['client_id'] ?? null;
    const entryTags: number[] = entry['tag_ids'] ?? [];
    const billable: boolean = entry['billable'] ?? false;
    const description: string = entry['description'] ?? '';
    if (projectIds && !projectIds.includes(entry['project_id'] ?? null)) continue;
    if (clientIds && !clientIds.includes(clientId)) continue;
    if (taskIds && !taskIds.includes(entry['task_id'] ?? null)) continue;
    if (tagIds && !(entryTags.length === 0 ? tagIds.includes(null) : entryTags.some((tag) => tagIds.includes(tag)))) continue;
    if (userIds && !userIds.includes(entry['user_id'])) continue;
    if (groupIds && !groups.some((group) => groupIds.includes(group['id']) && (group['user_ids'] ?? []).includes(entry['user_id'])))
      continue;
    if (entryIds && !entryIds.includes(entry['id'])) continue;
    if (body['billable'] !== undefined && billable !== body['billable']) continue;
    if (body['description'] && !description.toLowerCase().includes(String(body['description']).toLowerCase())) continue;
    if (body['min_duration_seconds'] !== undefined && tracked < body['min_duration_seconds']) continue;
    if (body['max_duration_seconds'] !== undefined && tracked > body['max_duration_seconds']) continue;

    const seconds = rounded(tracked, minutes, direction);
    const task = entry['task_id'] == null ? undefined : tasks.get(entry['task_id']);
    // The task's rate, else the project's, else the member's, else the workspace's.
    const rate = cents(task?.['rate']) ?? cents(project?.['rate']) ?? cents(user['rate']) ?? cents(workspace['default_hourly_rate']) ?? 0;
    const amount = billable ? Math.floor((seconds * rate + 1800) / 3600) : null;
    const row = [
      user['fullname'],
      user['email'] ?? '',
      clientId === null ? '' : clients.get(clientId)!['name'],
      project?.['name'] ?? '',
      task?.['name'] ?? '',
      description,
      billable ? 'Yes' : 'No',
      from.date,
      from.time,
      to.date,
      to.time,
      duration(seconds, format),
      entryTags
        .map((tag) => tags.get(tag)!['name'] as string)
        .sort()
        .join(', '),
    ];
    if (body['hide_amounts'] !== true) row.push(amount === null ? '' : `${Math.floor(amount / 100)}.${pad2(amount % 100)}`);
    rows.push(row);
  }
  const header = [...DETAILED_COLUMNS, ...(body['hide_amounts'] === true ? [] : [`Amount (${workspace['default_currency'] ?? ''})`])];
  return { header, rows };
}

/** Rows as a sorted list, to compare as multisets; the Tags cell's order of names is not the README's business. */
export function canonical(rows: readonly string[][], header: readonly string[]): string[] {
  const tagsAt = header.indexOf('Tags');
  return rows.map((row) => JSON.stringify(row.map((cell, index) => (index === tagsAt ? cell.split(', ').sort().join(', ') : cell)))).sort();
}
