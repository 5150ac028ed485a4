/**
 * The hand-picked part of the built-in sample workspace: who works there, for which clients, on
 * which projects, at what rates. Time entries are drawn from it day by day (sample-day.ts). Names
 * and emails are invented; emails use the reserved `.example` domain. The IDs are the ones the
 * spec's examples use, so that every documented request selects something.
 */

export const WORKSPACE = {
  id: 1234567,
  name: 'Brightline Studio',
  currency: 'USD',
  defaultHourlyRateCents: 10000,
} as const;

export const GROUPS = [
  { id: 301, name: 'Design', tags: ['Design', 'Research', 'Meeting', 'Remote'] },
  { id: 302, name: 'Engineering', tags: ['Development', 'Code review', 'Bugfix', 'Remote'] },
  { id: 303, name: 'Project Management', tags: ['Meeting', 'Research', 'Remote'] },
] as const;

type GroupName = (typeof GROUPS)[number]['name'];

/** `trackingChance`: how likely the person tracks time on a working day (the rest is leave, sickness, focus days off the clock). */
// biome-ignore format: one row per record reads as a table
export const USERS: readonly {
  id: number;
  name: string;
  email: string;
  timeZone: string;
  group: GroupName;
  laborCostCents: number;
  trackingChance: number;
}[] = [
  { id: 9001, name: 'Alice Moreau', email: 'alice.moreau@brightline.example', timeZone: 'America/New_York', group: 'Design', laborCostCents: 6200, trackingChance: 0.9 },
  { id: 9002, name: 'Bruno Okafor', email: 'bruno.okafor@brightline.example', timeZone: 'America/New_York', group: 'Engineering', laborCostCents: 5800, trackingChance: 0.85 },
  { id: 9003, name: 'Chen Wei', email: 'chen.wei@brightline.example', timeZone: 'America/Chicago', group: 'Engineering', laborCostCents: 6000, trackingChance: 0.9 },
  { id: 9004, name: 'Dana Kowalski', email: 'dana.kowalski@brightline.example', timeZone: 'America/New_York', group: 'Engineering', laborCostCents: 5500, trackingChance: 0.6 },
  { id: 9005, name: 'Emeka Adeyemi', email: 'emeka.adeyemi@brightline.example', timeZone: 'America/New_York', group: 'Design', laborCostCents: 4800, trackingChance: 0.85 },
  { id: 9006, name: 'Freya Lindqvist', email: 'freya.lindqvist@brightline.example', timeZone: 'Europe/Stockholm', group: 'Project Management', laborCostCents: 6500, trackingChance: 0.9 },
  { id: 9007, name: 'Gabriel Santos', email: 'gabriel.santos@brightline.example', timeZone: 'America/New_York', group: 'Engineering', laborCostCents: 5200, trackingChance: 0.85 },
  { id: 9008, name: 'Hana Sato', email: 'hana.sato@brightline.example', timeZone: 'America/Los_Angeles', group: 'Design', laborCostCents: 4500, trackingChance: 0.75 },
];

export const CLIENTS = [
  { id: 501, name: 'Acme Logistics' },
  { id: 502, name: 'Bluebird Health' },
  { id: 503, name: 'Harbor, Wells & Co.' },
  { id: 504, name: 'Driftwood Coffee Co.' },
  { id: 505, name: 'Evergreen Energy' },
] as const;

type ClientName = (typeof CLIENTS)[number]['name'];

/** Billable projects are billed at `rateCents` an hour; internal ones have no rate and are not billable. */
// biome-ignore format: one row per record reads as a table
export const PROJECTS: readonly {
  id: number;
  name: string;
  client: ClientName | null;
  billable: boolean;
  rateCents: number | null;
  color: string;
  tasks: readonly string[];
  team: readonly string[];
  descriptions: readonly string[];
}[] = [
  {
    id: 7001, name: 'Website Redesign', client: 'Acme Logistics', billable: true, rateCents: 12000, color: '#06aaf5',
    tasks: ['Wireframes', 'Visual design', 'Frontend build'],
    team: ['Alice Moreau', 'Emeka Adeyemi', 'Bruno Okafor', 'Freya Lindqvist'],
    descriptions: ['Homepage wireframes', 'Navigation review with client', 'Responsive layout fixes', 'Design QA, round 2'],
  },
  {
    id: 7002, name: 'Fleet Tracking App', client: 'Acme Logistics', billable: true, rateCents: 14000, color: '#c56bff',
    tasks: ['API integration', 'Mobile app', 'QA'],
    team: ['Bruno Okafor', 'Chen Wei', 'Gabriel Santos', 'Freya Lindqvist'],
    descriptions: ['GPS event ingestion', 'Driver login flow', 'Sprint demo', 'Fix map clustering bug'],
  },
  {
    id: 7003, name: 'Patient Portal', client: 'Bluebird Health', billable: true, rateCents: 15000, color: '#ea468d',
    tasks: ['Discovery', 'Accessibility audit', 'Development'],
    team: ['Chen Wei', 'Dana Kowalski', 'Hana Sato', 'Freya Lindqvist'],
    descriptions: ['Stakeholder interviews', 'Screen reader testing', 'Appointment booking form', 'HIPAA checklist review'],
  },
  {
    id: 7004, name: 'Contract Review Tool', client: 'Harbor, Wells & Co.', billable: true, rateCents: 13500, color: '#fb8b14',
    tasks: [],
    team: ['Dana Kowalski', 'Gabriel Santos'],
    descriptions: ['Clause extraction prototype', 'Search results page', 'Review "redline" export with partners'],
  },
  {
    id: 7005, name: 'Brand Refresh', client: 'Driftwood Coffee Co.', billable: true, rateCents: 9500, color: '#06a893',
    tasks: ['Logo', 'Packaging'],
    team: ['Emeka Adeyemi', 'Hana Sato', 'Alice Moreau'],
    descriptions: ['Logo sketches', 'Café menu typography', 'Packaging mock-ups', 'Brand guidelines'],
  },
  {
    id: 7006, name: 'Online Store', client: 'Driftwood Coffee Co.', billable: true, rateCents: null, color: '#e20505',
    tasks: [],
    team: ['Gabriel Santos', 'Bruno Okafor', 'Hana Sato'],
    descriptions: ['Checkout integration', 'Product photos upload', 'Subscription plans page'],
  },
  {
    id: 7007, name: 'Energy Dashboard', client: 'Evergreen Energy', billable: true, rateCents: 13000, color: '#4bc800',
    tasks: ['Data pipeline', 'Charts'],
    team: ['Chen Wei', 'Dana Kowalski', 'Alice Moreau'],
    descriptions: ['Meter data import', 'Consumption charts', 'Dashboard review call'],
  },
  {
    id: 7008, name: 'Support & Maintenance', client: 'Evergreen Energy', billable: true, rateCents: 8500, color: '#3750b5',
    tasks: [],
    team: ['Bruno Okafor', 'Gabriel Santos'],
    descriptions: ['Dependency updates', 'Investigate failed nightly import', 'Server patching'],
  },
  {
    id: 7009, name: 'Internal Tools', client: null, billable: false, rateCents: null, color: '#a01aa5',
    tasks: [],
    team: ['Chen Wei', 'Bruno Okafor', 'Freya Lindqvist'],
    descriptions: ['CI pipeline cleanup', 'Timesheet reminder bot', 'Onboarding docs'],
  },
  {
    id: 7010, name: 'Marketing Site', client: null, billable: false, rateCents: null, color: '#205500',
    tasks: [],
    team: ['Emeka Adeyemi', 'Hana Sato', 'Freya Lindqvist'],
    descriptions: ['Case study: Acme Logistics', 'Blog post illustrations', 'Prepare "Q4 roadmap" deck'],
  },
];

/** Descriptions of time tracked without a project (mail, meetings, admin). */
export const NO_PROJECT_DESCRIPTIONS: readonly string[] = [
  'Email and Slack',
  'Team standup',
  'Weekly planning',
  'Timesheet admin',
  'Interviewing candidates',
];

export const TAG_NAMES: readonly string[] = ['Bugfix', 'Code review', 'Design', 'Development', 'Meeting', 'Overtime', 'Remote', 'Research'];
export const FIRST_TAG_ID = 801;
export const FIRST_TASK_ID = 6001;

/** The report every saved-report token opens in the built-in workspace: its billable time of autumn 2026. */
export const SAVED_REPORT = {
  name: 'Billable time, autumn 2026',
  report: 'detailed',
  params: { billable: true, start_date: '2026-09-01', end_date: '2026-11-30' },
} as const;

/** Mixed into each day's seed; change it and every sample day changes. */
export const SAMPLE_SEED = 20260901;
