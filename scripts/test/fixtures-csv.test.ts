import { beforeAll, describe, expect, it } from 'vitest';
import { buildSampleWorkspace } from '../src/fixtures/workspace.ts';
import { bundledFixtures, centsOf, csvOf, fixtureOf, parseCsv, secondsOf, sum, type ParsedCsv } from './fixtures-support.ts';

const DETAILED_HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const DURATION = /^\d{2,}:[0-5]\d:[0-5]\d$/;
const workspace = buildSampleWorkspace();
const hundredthsOfHour = (seconds: number) => Math.round(seconds / 36);
const hoursText = (seconds: number) => (hundredthsOfHour(seconds) / 100).toFixed(2);
const weekdayOf = (date: string) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${date}T00:00:00Z`).getUTCDay()];

/** Adds up a value over the detailed rows matching a filter. */
const total = (rows: Record<string, string>[], keep: (row: Record<string, string>) => boolean, value: (row: Record<string, string>) => number) =>
  sum(rows.filter(keep).map(value));
const rowSeconds = (row: Record<string, string>) => secondsOf(row['Duration'] ?? '');
const rowCents = (row: Record<string, string>) => centsOf(row['Amount (USD)'] ?? '');

let detailed: ParsedCsv;
beforeAll(async () => {
  detailed = await csvOf('exportDetailedReport');
});

describe('every CSV fixture', () => {
  it('is UTF-8 without BOM, ends with a newline, and has as many columns in each row as in its header', async () => {
    const csvFixtures = (await bundledFixtures()).filter((fixture) => fixture.format === 'csv');
    expect(csvFixtures.length).toBeGreaterThan(0);
    for (const fixture of csvFixtures) {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(fixture.bytes);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.endsWith('\n')).toBe(true);
      const { header, rows } = parseCsv(fixture.bytes);
      expect(rows.length, fixture.filename).toBeGreaterThan(0);
      for (const row of rows) expect(row, fixture.filename).toHaveLength(header.length);
    }
  });
});

describe('detailed report CSV', () => {
  it("has Toggl's exact header line", async () => {
    const text = new TextDecoder().decode((await fixtureOf('exportDetailedReport', 'csv')).bytes);
    expect(text.slice(0, text.indexOf('\n'))).toBe(DETAILED_HEADER);
  });

  it('writes Billable as Yes/No, dates as YYYY-MM-DD within the period, times and durations as HH:MM:SS', () => {
    for (const row of detailed.records) {
      expect(row['Billable']).toMatch(/^(Yes|No)$/);
      for (const column of ['Start date', 'End date']) {
        expect(row[column]).toMatch(DATE);
        expect(row[column]! >= workspace.period.start && row[column]! <= workspace.period.end).toBe(true);
      }
      expect(row['Start time']).toMatch(TIME);
      expect(row['End time']).toMatch(TIME);
      expect(row['Duration']).toMatch(DURATION);
    }
  });

  it('ends each entry its duration after it starts', () => {
    for (const row of detailed.records) {
      const start = Date.parse(`${row['Start date']}T${row['Start time']}Z`);
      const end = Date.parse(`${row['End date']}T${row['End time']}Z`);
      expect((end - start) / 1000).toBe(rowSeconds(row));
    }
  });

  it("prices billable time at the project's hourly rate and non-billable time at zero", () => {
    const rateOf = new Map(workspace.projects.map((project) => [project.name, project.ratePerHourCents ?? 0]));
    for (const row of detailed.records) {
      const expected = row['Billable'] === 'Yes' ? Math.round((rowSeconds(row) * (rateOf.get(row['Project'] ?? '') ?? NaN)) / 3600) : 0;
      expect(rowCents(row)).toBe(expected);
      if (row['Billable'] === 'Yes') expect(row['Project']).not.toBe('');
    }
  });

  it('keeps every field whole through quoting (commas, quotes, accents)', () => {
    const known = (values: string[]) => new Set(['', ...values]);
    const clients = known(workspace.clients.map((client) => client.name));
    const projects = known(workspace.projects.map((project) => project.name));
    const tags = known(workspace.tags.map((tag) => tag.name));
    const emails = new Map(workspace.users.map((user) => [user.name, user.email]));
    for (const row of detailed.records) {
      expect(clients.has(row['Client'] ?? '?'), row['Client']).toBe(true);
      expect(projects.has(row['Project'] ?? '?'), row['Project']).toBe(true);
      for (const tag of (row['Tags'] ?? '').split(', ')) expect(tags.has(tag), tag).toBe(true);
      expect(row['Email']).toBe(emails.get(row['User'] ?? ''));
    }
    const descriptions = detailed.records.map((row) => row['Description']);
    expect(descriptions).toContain('Review "redline" export with partners');
    expect(descriptions).toContain('Design QA, round 2');
    expect(detailed.records.map((row) => row['Client'])).toContain('Harbor, Wells & Co.');
  });

  it('has entries without project, client, task or tags, so [null] filters have something to find', () => {
    for (const column of ['Project', 'Client', 'Task', 'Tags']) {
      const empty = detailed.records.filter((row) => row[column] === '').length;
      expect(empty, column).toBeGreaterThan(0);
      expect(empty, column).toBeLessThan(detailed.records.length);
    }
  });

  it('lists entries in the order they were tracked', () => {
    const starts = detailed.records.map((row) => `${row['Start date']} ${row['Start time']}`);
    expect(starts).toEqual([...starts].sort());
  });
});

describe('saved report CSV', () => {
  it("is the detailed report's billable rows, same columns", async () => {
    const saved = await csvOf('exportSavedReportCsv');
    expect(saved.header).toEqual(detailed.header);
    expect(saved.rows).toEqual(detailed.records.flatMap((row, index) => (row['Billable'] === 'Yes' ? [detailed.rows[index]] : [])));
  });
});

describe('summary report CSV', () => {
  it('adds up the detailed rows per project and user, projects first by name, time without project last', async () => {
    const summary = await csvOf('exportSummaryReport');
    expect(summary.header).toEqual(['Project', 'Client', 'User', 'Duration', 'Amount (USD)']);
    const pairs = new Set(detailed.records.map((row) => `${row['Project']}|${row['User']}`));
    expect(summary.records).toHaveLength(pairs.size);
    for (const row of summary.records) {
      const same = (entry: Record<string, string>) => entry['Project'] === row['Project'] && entry['User'] === row['User'];
      expect(secondsOf(row['Duration'] ?? '')).toBe(total(detailed.records, same, rowSeconds));
      expect(centsOf(row['Amount (USD)'] ?? '')).toBe(total(detailed.records, same, rowCents));
    }
    const projects = summary.records.map((row) => row['Project'] ?? '');
    const named = projects.filter((name) => name !== '');
    expect(named).toEqual([...named].sort());
    expect(projects.slice(named.length).every((name) => name === '')).toBe(true);
  });
});

describe('weekly report CSV', () => {
  it('has a column per day of one Monday-to-Sunday week, and each Total is the sum of its days', async () => {
    const weekly = await csvOf('exportWeeklyReportCsv');
    const fixture = await fixtureOf('exportWeeklyReportCsv', 'csv');
    const days = weekly.header.slice(3, -1).map((header) => {
      const [name, date] = header.split(' ');
      expect(date).toMatch(DATE);
      expect(name).toBe(weekdayOf(date ?? ''));
      return date ?? '';
    });
    expect(weekly.header.slice(0, 3)).toEqual(['User', 'Project', 'Client']);
    expect(weekly.header.at(-1)).toBe('Total');
    expect(days.map(weekdayOf)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(fixture.filename).toContain(`${days[0]}_${days[6]}`);

    for (const row of weekly.records) {
      const dayCells = days.map((day) => row[`${weekdayOf(day)} ${day}`] ?? '');
      const daySeconds = dayCells.map((cell) => (cell === '' ? 0 : secondsOf(cell)));
      expect(secondsOf(row['Total'] ?? '')).toBe(sum(daySeconds));
      days.forEach((day, index) => {
        const same = (entry: Record<string, string>) =>
          entry['User'] === row['User'] && entry['Project'] === row['Project'] && entry['Start date'] === day;
        expect(daySeconds[index]).toBe(total(detailed.records, same, rowSeconds));
      });
    }
    const tracked = new Set(detailed.records.filter((row) => days.includes(row['Start date'] ?? '')).map((row) => `${row['User']}|${row['Project']}`));
    expect(weekly.records).toHaveLength(tracked.size);
  });
});

describe('profitability CSVs', () => {
  const figures = ['Tracked hours', 'Billable hours', 'Revenue (USD)', 'Labour cost (USD)', 'Profit (USD)'];

  it('employees: one row per member, figures consistent with the detailed rows and their hourly cost', async () => {
    const employees = await csvOf('exportProfitabilityEmployees');
    expect(employees.header).toEqual(['User', 'Email', 'Group', ...figures]);
    expect(employees.records.map((row) => row['Email']).sort()).toEqual(workspace.users.map((user) => user.email).sort());
    for (const row of employees.records) {
      const user = workspace.users.find((candidate) => candidate.email === row['Email']);
      const mine = (entry: Record<string, string>) => entry['Email'] === row['Email'];
      const trackedSeconds = total(detailed.records, mine, rowSeconds);
      expect(row['Group']).toBe(workspace.groups.find((group) => group.id === user?.groupId)?.name);
      expect(row['Tracked hours']).toBe(hoursText(trackedSeconds));
      expect(row['Billable hours']).toBe(hoursText(total(detailed.records, (entry) => mine(entry) && entry['Billable'] === 'Yes', rowSeconds)));
      expect(centsOf(row['Revenue (USD)'] ?? '')).toBe(total(detailed.records, mine, rowCents));
      const labourCost = centsOf(row['Labour cost (USD)'] ?? '');
      expect(Math.abs(labourCost - (trackedSeconds * (user?.labourCostPerHourCents ?? NaN)) / 3600)).toBeLessThanOrEqual(0.5);
      expect(centsOf(row['Profit (USD)'] ?? '')).toBe(centsOf(row['Revenue (USD)'] ?? '') - labourCost);
    }
  });

  it('projects: one row per project with time, figures consistent with the detailed rows', async () => {
    const projects = await csvOf('exportProfitabilityProjects');
    expect(projects.header).toEqual(['Project', 'Client', ...figures]);
    const withTime = new Set(detailed.records.map((row) => row['Project']).filter((name) => name !== ''));
    expect(projects.records.map((row) => row['Project']).sort()).toEqual([...withTime].sort());
    for (const row of projects.records) {
      const ofProject = (entry: Record<string, string>) => entry['Project'] === row['Project'];
      expect(row['Client']).toBe(detailed.records.find(ofProject)?.['Client']);
      expect(row['Tracked hours']).toBe(hoursText(total(detailed.records, ofProject, rowSeconds)));
      expect(row['Billable hours']).toBe(hoursText(total(detailed.records, (entry) => ofProject(entry) && entry['Billable'] === 'Yes', rowSeconds)));
      expect(centsOf(row['Revenue (USD)'] ?? '')).toBe(total(detailed.records, ofProject, rowCents));
      expect(centsOf(row['Labour cost (USD)'] ?? '')).toBeGreaterThan(0);
      expect(centsOf(row['Profit (USD)'] ?? '')).toBe(centsOf(row['Revenue (USD)'] ?? '') - centsOf(row['Labour cost (USD)'] ?? ''));
    }
  });
});

describe('project trends CSV', () => {
  it('has the columns spec/DEVIATIONS.md entry 17 promises, with seconds per period from the detailed rows', async () => {
    const trends = await csvOf('exportProjectTrends');
    const fixture = await fixtureOf('exportProjectTrends', 'csv');
    expect(trends.header).toEqual(['Project ID', 'Project', 'Period start', 'Current period (seconds)', 'Previous period (seconds)', 'User IDs']);
    const [, periodStart, periodEnd] = /_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\.csv$/.exec(fixture.filename) ?? [];
    const lengthDays = (Date.parse(`${periodEnd}T00:00:00Z`) - Date.parse(`${periodStart}T00:00:00Z`)) / 86_400_000 + 1;
    const previousStart = new Date(Date.parse(`${periodStart}T00:00:00Z`) - lengthDays * 86_400_000).toISOString().slice(0, 10);
    const userIdByEmail = new Map(workspace.users.map((user) => [user.email, user.id]));
    expect(trends.records.length).toBeGreaterThan(0);

    for (const row of trends.records) {
      expect(Number(row['Project ID'])).toBe(workspace.projects.find((project) => project.name === row['Project'])?.id);
      expect(row['Period start']).toBe(periodStart);
      const inCurrent = (entry: Record<string, string>) =>
        entry['Project'] === row['Project'] && entry['Start date']! >= periodStart! && entry['Start date']! <= periodEnd!;
      const inPrevious = (entry: Record<string, string>) =>
        entry['Project'] === row['Project'] && entry['Start date']! >= previousStart && entry['Start date']! < periodStart!;
      expect(Number(row['Current period (seconds)'])).toBe(total(detailed.records, inCurrent, rowSeconds));
      expect(Number(row['Previous period (seconds)'])).toBe(total(detailed.records, inPrevious, rowSeconds));
      const userIds = [...new Set(detailed.records.filter(inCurrent).map((entry) => userIdByEmail.get(entry['Email'] ?? '')))];
      expect(row['User IDs']).toBe(userIds.sort((a, b) => (a ?? 0) - (b ?? 0)).join(', '));
    }
  });
});
