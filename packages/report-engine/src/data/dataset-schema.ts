import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { MAX_ROUNDING_MINUTES } from '../request/rounding.ts';
import { SAVED_REPORT_KINDS } from './report-data.ts';

/*
 * The dataset a mock server (or anyone computing reports) can load: the objects of a Toggl Track
 * workspace, with the field names of Toggl's API v9, so that what its JSON API returns drops
 * in. Objects may carry any other fields Toggl returns; they are ignored. Only the top level is
 * closed, so a misspelt collection name is caught. The package publishes this as
 * `dataset.schema.json`.
 */

const id = (description: string) => Type.Integer({ minimum: 1, description });
const optional = <T extends TSchema>(schema: T) => Type.Optional(schema);
const nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const hourlyRate = (description: string) => nullable(Type.Number({ minimum: 0, description }));
const dateTime = (description: string) =>
  Type.String({
    format: 'date-time',
    description: `${description} An RFC 3339 date-time with its offset, e.g. 2026-10-01T09:30:00+02:00.`,
  });

const Workspace = Type.Object({
  id: id('Workspace ID, as in the export paths.'),
  name: Type.String({ description: 'Shown at the top of PDF exports.' }),
  default_currency: optional(
    Type.String({ description: 'ISO 4217 code of the amounts, e.g. EUR; names the amount columns. Empty or left out: none.' }),
  ),
  default_hourly_rate: hourlyRate('Hourly rate of billable time that no task, project or member rate covers.'),
  rounding: optional(
    Type.Integer({
      minimum: -1,
      maximum: 1,
      description: 'Default rounding when a request sets none: 0 to the nearest step, 1 up, -1 down.',
    }),
  ),
  rounding_minutes: optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_ROUNDING_MINUTES,
      description: 'Default rounding step in minutes; 0 or left out: no rounding.',
    }),
  ),
});

const User = Type.Object({
  id: id('User ID.'),
  fullname: Type.String({ description: 'Name shown in reports.' }),
  email: optional(Type.String({ description: 'Shown in the Email column of detailed and profitability exports.' })),
  timezone: optional(
    Type.String({ description: "IANA time zone the user's dates and times are shown in, e.g. Europe/Tallinn. Left out: UTC." }),
  ),
  rate: hourlyRate("The member's hourly rate, used where neither the task nor the project has one."),
  labor_cost: hourlyRate("What an hour of the member's time costs, for the profitability insights."),
});

const Group = Type.Object({
  id: id('Group ID.'),
  name: Type.String(),
  user_ids: optional(Type.Array(id('A member of the group.'))),
});

const Client = Type.Object({ id: id('Client ID.'), name: Type.String() });

const Project = Type.Object({
  id: id('Project ID.'),
  name: Type.String(),
  client_id: nullable(id("The project's client.")),
  billable: optional(Type.Boolean({ description: "Whether the project is billable (the insights' billable filter)." })),
  rate: hourlyRate("Hourly rate of the project's billable time, used where the task has none."),
  color: optional(Type.String({ description: 'Hex colour, e.g. #06aaf5.' })),
});

const Task = Type.Object({
  id: id('Task ID.'),
  name: Type.String(),
  project_id: id('The project the task belongs to.'),
  rate: hourlyRate("Hourly rate of the task's billable time."),
});

const Tag = Type.Object({ id: id('Tag ID.'), name: Type.String() });

const TimeEntry = Type.Object({
  id: id('Time entry ID.'),
  workspace_id: id('The workspace the entry belongs to.'),
  user_id: id('Who tracked it.'),
  project_id: nullable(id("The entry's project.")),
  task_id: nullable(id("The entry's task, which must belong to its project.")),
  description: nullable(Type.String()),
  billable: optional(Type.Boolean()),
  start: dateTime('When the entry started.'),
  stop: nullable(dateTime('When it stopped; null while it runs.')),
  duration: optional(
    Type.Integer({
      description: 'Seconds; negative while the entry runs (running entries are left out of reports). Left out: from start to stop.',
    }),
  ),
  tag_ids: nullable(Type.Array(id('A tag of the entry.'))),
  at: optional(dateTime('When the entry was last changed (order_by last_update). Left out: its stop.')),
});

const SavedReport = Type.Object({
  token: Type.String({ minLength: 1, description: "The token of the report's share link." }),
  workspace_id: id('The workspace the report is computed from.'),
  report: Type.Union(
    SAVED_REPORT_KINDS.map((kind) => Type.Literal(kind)),
    { description: 'Which report it saves.' },
  ),
  params: optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: "The body it was saved with, as that report's export takes it; a request's body overrides it field by field.",
    }),
  ),
  public: optional(Type.Boolean({ description: 'Public reports are exported without credentials; private ones (the default) need them.' })),
  owner_user_id: optional(id('The user who saved it.')),
  name: optional(Type.String({ description: 'Title of its exports and part of their file names.' })),
});

export const datasetSchema = Type.Object(
  {
    $schema: optional(Type.String({ description: 'Where editors find this schema.' })),
    workspaces: Type.Array(Workspace, { minItems: 1 }),
    users: optional(Type.Array(User)),
    groups: optional(Type.Array(Group)),
    clients: optional(Type.Array(Client)),
    projects: optional(Type.Array(Project)),
    tasks: optional(Type.Array(Task)),
    tags: optional(Type.Array(Tag)),
    time_entries: optional(Type.Array(TimeEntry)),
    saved_reports: optional(Type.Array(SavedReport)),
  },
  {
    title: 'Toggl Track report dataset',
    description: "A Toggl Track workspace's data, in the field names of Toggl's API v9, to compute report exports from.",
    additionalProperties: false,
  },
);

/** A dataset as it is written: the JSON a workspace's Toggl API objects make. */
export type Dataset = Static<typeof datasetSchema>;
