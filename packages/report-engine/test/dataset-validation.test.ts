// loadDataset: what a dataset may hold (README "Your own data"), and how each problem is reported.
import { describe, expect, it } from 'vitest';
import { type DatasetProblem, loadDataset, MAX_PROBLEMS } from '../src/index.ts';
import { byHeader, detailedCsv, exported, loaded } from './support/engine.ts';
import { csvRows } from './support/files.ts';
import { type Json, readmeDataset } from './support/readme-dataset.ts';

function problemsOf(change: (dataset: Json) => void): DatasetProblem[] {
  const dataset = readmeDataset();
  change(dataset);
  const result = loadDataset(dataset);
  if (result.ok) throw new Error('expected the dataset to be refused, but it loaded');
  return result.problems;
}

/** The single problem a change causes. */
function onlyProblem(change: (dataset: Json) => void): DatasetProblem {
  const problems = problemsOf(change);
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  return problems[0]!;
}

const october = { start_date: '2026-10-01', end_date: '2026-10-31' };

describe('a valid dataset', () => {
  it("loads the README's example and serves its entries", async () => {
    const result = loadDataset(readmeDataset());
    expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
    const { header, rows } = await detailedCsv(loaded(readmeDataset()), 42, october);
    expect(rows.map((row) => byHeader(header, row))).toEqual([
      {
        User: 'Ada Lovelace',
        Email: 'ada@acme.example',
        Client: 'Globex',
        Project: 'Billing API',
        Task: 'Invoices',
        Description: 'Invoice PDF layout',
        Billable: 'Yes',
        // Europe/London is on summer time (+01:00) on 5 October.
        'Start date': '2026-10-05',
        'Start time': '09:00:00',
        'End date': '2026-10-05',
        'End time': '10:30:00',
        Duration: '01:30:00',
        Tags: 'Review',
        // 1.5 h at the project's 120.
        'Amount (EUR)': '180.00',
      },
      {
        User: 'Grace Hopper',
        Email: 'grace@acme.example',
        Client: '',
        Project: '',
        Task: '',
        Description: 'Planning',
        Billable: 'No',
        'Start date': '2026-10-06',
        'Start time': '14:00:00',
        'End date': '2026-10-06',
        'End time': '14:30:00',
        Duration: '00:30:00',
        Tags: '',
        'Amount (EUR)': '',
      },
    ]);
  });

  it('loads a minimal dataset: one workspace and nothing else', () => {
    expect(loadDataset({ workspaces: [{ id: 1, name: 'Solo' }] }).ok).toBe(true);
  });

  it('accepts the other fields Toggl API objects carry, at every level but the top', async () => {
    const dataset = readmeDataset();
    Object.assign(dataset.workspaces[0], {
      organization_id: 9,
      premium: true,
      at: '2026-01-01T00:00:00+00:00',
      logo_url: 'https://x.example/l.png',
    });
    Object.assign(dataset.users[0], { default_workspace_id: 42, beginning_of_week: 1, image_url: null, at: '2026-01-01T00:00:00Z' });
    Object.assign(dataset.groups[0], { workspace_id: 42, at: '2026-01-01T00:00:00Z' });
    Object.assign(dataset.clients[0], { wid: 42, archived: false, at: '2026-01-01T00:00:00Z' });
    Object.assign(dataset.projects[0], {
      workspace_id: 42,
      wid: 42,
      active: true,
      is_private: false,
      at: '2026-01-01T00:00:00Z',
      actual_hours: 3,
    });
    Object.assign(dataset.tasks[0], { workspace_id: 42, active: true, estimated_seconds: 3600, tracked_seconds: 0 });
    Object.assign(dataset.tags[0], { workspace_id: 42, creator_id: 7, at: '2026-01-01T00:00:00Z' });
    Object.assign(dataset.time_entries[0], {
      at: '2026-10-05T09:31:00Z',
      server_deleted_at: null,
      tags: ['Review'],
      wid: 42,
      uid: 7,
      pid: 200,
      tid: 300,
      duronly: false,
      guid: 'c0ffee',
      permissions: null,
      shared_with: null,
    });
    Object.assign(dataset.saved_reports[0], { created_at: '2026-10-01T00:00:00Z', fixed_daterange: true });
    const result = loadDataset(dataset);
    expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
    // The extra `tags` names do not replace the entry's tag_ids, nor `pid` its project_id.
    const { header, rows } = await detailedCsv(loaded(dataset), 42, october);
    expect(byHeader(header, rows[0]!)).toMatchObject({ Project: 'Billing API', Tags: 'Review', Duration: '01:30:00' });
  });

  it('accepts nulls where Toggl sends them: project, task, description, tags, rates, stop of a running entry', () => {
    const dataset = readmeDataset();
    dataset.users[1].rate = null;
    dataset.users[1].labor_cost = null;
    dataset.projects[0].client_id = null;
    dataset.tasks[0].rate = null;
    dataset.workspaces[0].default_hourly_rate = null;
    dataset.time_entries[1] = { ...dataset.time_entries[1], task_id: null, description: null, tag_ids: null };
    dataset.time_entries.push({ id: 3, workspace_id: 42, user_id: 7, start: '2026-10-07T08:00:00Z', stop: null, duration: -1791363600 });
    expect(loadDataset(dataset).ok).toBe(true);
  });

  it('leaves running entries (stop null, negative duration) out of every report', async () => {
    const dataset = readmeDataset();
    dataset.time_entries.push(
      {
        id: 3,
        workspace_id: 42,
        user_id: 7,
        project_id: 200,
        billable: true,
        description: 'Still running',
        start: '2026-10-07T08:00:00Z',
        stop: null,
        duration: -1791363600,
      },
      { id: 4, workspace_id: 42, user_id: 8, billable: true, description: 'Also running', start: '2026-10-08T08:00:00Z', duration: -1 },
    );
    const data = loaded(dataset);
    const { rows } = await detailedCsv(data, 42, october);
    expect(rows.map((row) => row[5])).toEqual(['Invoice PDF layout', 'Planning']);
    const summary = await exported(data, { operationId: 'exportSummaryReport', format: 'csv', workspaceId: 42, body: october });
    expect(csvRows(summary.bytes).flat().join('|')).not.toMatch(/running/i);
    const employees = csvRows(
      (await exported(data, { operationId: 'exportProfitabilityEmployees', format: 'csv', workspaceId: 42, body: october })).bytes,
    );
    const [header = [], ...people] = employees;
    const tracked = Object.fromEntries(people.map((row) => [byHeader(header, row)['User'], byHeader(header, row)['Tracked hours']]));
    // Only the stopped entries count: 1.50 h for Ada, 0.50 h for Grace.
    expect(tracked).toEqual({ 'Ada Lovelace': '1.50', 'Grace Hopper': '0.50' });
  });

  it('takes an entry without stop but with a duration from its start on, for that many seconds', async () => {
    const dataset = readmeDataset();
    dataset.time_entries = [{ id: 9, workspace_id: 42, user_id: 7, start: '2026-10-05T23:30:00+01:00', duration: 5400 }];
    const { header, rows } = await detailedCsv(loaded(dataset), 42, october);
    expect(byHeader(header, rows[0]!)).toMatchObject({
      'Start date': '2026-10-05',
      'Start time': '23:30:00',
      'End date': '2026-10-06',
      'End time': '01:00:00',
      Duration: '01:30:00',
    });
  });
});

describe('problems, each with its JSON path and what is allowed there', () => {
  it('a value of the wrong type', () => {
    const problem = onlyProblem((dataset) => (dataset.users[0].id = '7'));
    expect(problem.path).toBe('$.users[0].id');
    expect(problem.message).toMatch(/whole number/);
    expect(problem.message).toContain('"7"');
  });

  it('a collection that is not a list', () => {
    const problem = onlyProblem((dataset) => (dataset.tags = { id: 400, name: 'Review' }));
    expect(problem.path).toBe('$.tags');
    expect(problem.message).toMatch(/list/);
  });

  it('a number below its minimum, and one outside its range', () => {
    const id = onlyProblem((dataset) => (dataset.time_entries[1].id = 0));
    expect(id).toMatchObject({ path: '$.time_entries[1].id' });
    expect(id.message).toMatch(/at least 1/);
    expect(id.message).toMatch(/got 0\b/);
    const rounding = onlyProblem((dataset) => (dataset.workspaces[0].rounding = 2));
    expect(rounding.path).toBe('$.workspaces[0].rounding');
    expect(rounding.message).toMatch(/-1 to 1/);
    expect(rounding.message).toMatch(/got 2\b/);
  });

  it('a workspace rounding step over a day, which no export could use', async () => {
    const problem = onlyProblem((dataset) => (dataset.workspaces[0].rounding_minutes = 2000));
    expect(problem.path).toBe('$.workspaces[0].rounding_minutes');
    expect(problem.message).toMatch(/0 to 1440/);
    expect(problem.message).toMatch(/got 2000\b/);
    const dataset = readmeDataset();
    dataset.workspaces[0].rounding_minutes = 1440;
    const file = await exported(loaded(dataset), {
      operationId: 'exportProfitabilityProjects',
      format: 'csv',
      workspaceId: 42,
      body: october,
    });
    expect(csvRows(file.bytes)).toHaveLength(2);
  });

  it('a value outside an enumeration names the allowed ones', () => {
    const problem = onlyProblem((dataset) => (dataset.saved_reports[0].report = 'monthly'));
    expect(problem.path).toBe('$.saved_reports[0].report');
    expect(problem.message).toContain('detailed');
    expect(problem.message).toContain('summary');
    expect(problem.message).toContain('weekly');
    expect(problem.message).toContain('"monthly"');
  });

  it.each([
    ['$.workspaces[0].name', (dataset: Json) => delete dataset.workspaces[0].name, /string/],
    ['$.users[1].fullname', (dataset: Json) => delete dataset.users[1].fullname, /string/],
    ['$.time_entries[0].start', (dataset: Json) => delete dataset.time_entries[0].start, /date-time/],
    ['$.time_entries[1].user_id', (dataset: Json) => delete dataset.time_entries[1].user_id, /whole number/],
    ['$.tasks[0].project_id', (dataset: Json) => delete dataset.tasks[0].project_id, /whole number/],
    ['$.saved_reports[0].token', (dataset: Json) => delete dataset.saved_reports[0].token, /string/],
    ['$.workspaces', (dataset: Json) => delete dataset.workspaces, /list/],
  ])('a missing required field: %s', (path, change, allowed) => {
    const problem = onlyProblem(change);
    expect(problem.path).toBe(path);
    expect(problem.message).toMatch(/missing/);
    expect(problem.message).toMatch(allowed);
  });

  it('an empty list of workspaces', () => {
    const problem = onlyProblem((dataset) => (dataset.workspaces = []));
    expect(problem.path).toBe('$.workspaces');
    expect(problem.message).toMatch(/at least one workspace/);
  });

  it.each(['people', 'time_entry', 'Users'])('an unknown top-level collection: %s', (name) => {
    const problem = onlyProblem((dataset) => (dataset[name] = []));
    expect(problem.path).toBe(`$.${name}`);
    expect(problem.message).toMatch(/not part of a dataset/);
    for (const collection of ['workspaces', 'users', 'groups', 'clients', 'projects', 'tasks', 'tags', 'time_entries', 'saved_reports'])
      expect(problem.message).toContain(collection);
  });

  it('a top-level key that is not an identifier gets a bracketed path', () => {
    expect(onlyProblem((dataset) => (dataset['time entries'] = [])).path).toBe('$["time entries"]');
  });

  it('a dataset that is not an object at all', () => {
    for (const value of [null, [], 'workspace.json', 42]) {
      const result = loadDataset(value);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems[0]).toMatchObject({ path: '$', message: expect.stringMatching(/object/) });
    }
  });

  it.each([
    ['yesterday', 'start'],
    ['2026-10-05', 'start'],
    ['2026-10-05T08:00:00', 'start'],
    ['2026-10-05 08:00:00Z', 'stop'],
    ['2026-10-05T08:00Z', 'stop'],
    ['2026-10-05T08:00:00+0200', 'start'],
  ])('a date-time that is not RFC 3339 with an offset: %s in %s', (value, field) => {
    const problem = onlyProblem((dataset) => {
      dataset.time_entries[0][field] = value;
      if (field === 'stop') dataset.time_entries[0].start = '2026-10-05T07:00:00Z';
    });
    expect(problem.path).toBe(`$.time_entries[0].${field}`);
    expect(problem.message).toContain(JSON.stringify(value));
    expect(problem.message).toMatch(/date-time with its offset/);
    expect(problem.message).toMatch(/e\.g\. \d{4}-\d{2}-\d{2}T/);
  });

  it('a bad date-time in `at` is reported too', () => {
    expect(onlyProblem((dataset) => (dataset.time_entries[1].at = 'last week')).path).toBe('$.time_entries[1].at');
  });

  // RFC 3339 (section 5.7) allows no month 13, no minute 61, no 30 February, no 31 April and no
  // hour 24; JavaScript's Date.parse rolls the last three over into the next day or month.
  it.each(['2026-13-05T08:00:00Z', '2026-10-05T08:61:00Z', '2026-02-30T08:00:00Z', '2026-04-31T08:00:00+02:00', '2026-10-05T24:00:00Z'])(
    'a date-time that does not exist on the calendar: %s',
    (value) => {
      const problem = onlyProblem((dataset) => {
        dataset.time_entries[1].start = value;
      });
      expect(problem.path).toBe('$.time_entries[1].start');
      expect(problem.message).toContain(JSON.stringify(value));
      expect(problem.message).toMatch(/date-time|moment|exist/);
    },
  );

  it('accepts the RFC 3339 variants that are valid: fractions, lower-case t and z, offsets with minutes', () => {
    const dataset = readmeDataset();
    dataset.time_entries[0].start = '2026-10-05t08:00:00.250z';
    dataset.time_entries[0].stop = '2026-10-05T15:00:00.250+05:30';
    expect(loadDataset(dataset).ok).toBe(true);
  });

  it.each(['Mars/Olympus', 'Europe/Tallin', 'Local', ''])('an unknown time zone: %j', (zone) => {
    const problem = onlyProblem((dataset) => (dataset.users[1].timezone = zone));
    expect(problem.path).toBe('$.users[1].timezone');
    expect(problem.message).toContain(JSON.stringify(zone));
    expect(problem.message).toMatch(/IANA time zone/);
  });

  it.each(['Asia/Kolkata', 'America/Los_Angeles', 'UTC', 'Etc/GMT-14', 'Australia/Lord_Howe'])('a known time zone: %s', (zone) => {
    const dataset = readmeDataset();
    dataset.users[0].timezone = zone;
    expect(loadDataset(dataset).ok).toBe(true);
  });

  it.each([
    ['workspaces', (dataset: Json) => dataset.workspaces.push({ id: 42, name: 'Copy' }), '$.workspaces[1].id', '$.workspaces[0]'],
    ['users', (dataset: Json) => dataset.users.push({ id: 7, fullname: 'Ada again' }), '$.users[2].id', '$.users[0]'],
    ['groups', (dataset: Json) => dataset.groups.push({ id: 3, name: 'Copy' }), '$.groups[1].id', '$.groups[0]'],
    ['clients', (dataset: Json) => dataset.clients.push({ id: 100, name: 'Copy' }), '$.clients[1].id', '$.clients[0]'],
    ['projects', (dataset: Json) => dataset.projects.unshift({ id: 200, name: 'Copy' }), '$.projects[1].id', '$.projects[0]'],
    ['tasks', (dataset: Json) => dataset.tasks.push({ id: 300, name: 'Copy', project_id: 200 }), '$.tasks[1].id', '$.tasks[0]'],
    ['tags', (dataset: Json) => dataset.tags.push({ id: 400, name: 'Copy' }), '$.tags[1].id', '$.tags[0]'],
    ['time_entries', (dataset: Json) => (dataset.time_entries[1].id = 1), '$.time_entries[1].id', '$.time_entries[0]'],
  ])('a duplicate ID in %s', (_, change, path, first) => {
    const problem = onlyProblem(change);
    expect(problem.path).toBe(path);
    expect(problem.message).toContain('already');
    expect(problem.message).toContain(first);
  });

  it.each([
    ['$.time_entries[0].user_id', 'user 99', '$.users', (dataset: Json) => (dataset.time_entries[0].user_id = 99)],
    ['$.time_entries[1].project_id', 'project 201', '$.projects', (dataset: Json) => (dataset.time_entries[1].project_id = 201)],
    ['$.time_entries[1].task_id', 'task 301', '$.tasks', (dataset: Json) => (dataset.time_entries[1].task_id = 301)],
    ['$.time_entries[0].tag_ids[1]', 'tag 401', '$.tags', (dataset: Json) => (dataset.time_entries[0].tag_ids = [400, 401])],
    ['$.time_entries[1].workspace_id', 'workspace 43', '$.workspaces', (dataset: Json) => (dataset.time_entries[1].workspace_id = 43)],
    ['$.projects[0].client_id', 'client 101', '$.clients', (dataset: Json) => (dataset.projects[0].client_id = 101)],
    ['$.tasks[0].project_id', 'project 202', '$.projects', (dataset: Json) => (dataset.tasks[0].project_id = 202)],
    ['$.groups[0].user_ids[1]', 'user 10', '$.users', (dataset: Json) => (dataset.groups[0].user_ids = [7, 10])],
    ['$.saved_reports[0].workspace_id', 'workspace 44', '$.workspaces', (dataset: Json) => (dataset.saved_reports[0].workspace_id = 44)],
    ['$.saved_reports[0].owner_user_id', 'user 11', '$.users', (dataset: Json) => (dataset.saved_reports[0].owner_user_id = 11)],
  ])('a reference to something missing: %s', (path, what, collection, change) => {
    const problems = problemsOf(change);
    const problem = problems.find((candidate) => candidate.path === path);
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem!.message).toContain(what);
    expect(problem!.message).toContain(collection);
  });

  it('a task of another project than its entry', () => {
    const problem = onlyProblem((dataset) => {
      dataset.projects.push({ id: 201, name: 'Other' });
      dataset.time_entries[0].project_id = 201;
    });
    expect(problem.path).toBe('$.time_entries[0].task_id');
    expect(problem.message).toContain('task 300');
    expect(problem.message).toContain('project 200');
    expect(problem.message).toContain('201');
  });

  it('a task on an entry without a project', () => {
    const problem = onlyProblem((dataset) => (dataset.time_entries[0].project_id = null));
    expect(problem.path).toBe('$.time_entries[0].task_id');
    expect(problem.message).toContain('task 300');
    expect(problem.message).toContain('project 200');
  });

  it('a stop before its start', () => {
    const problem = onlyProblem((dataset) => (dataset.time_entries[0].stop = '2026-10-05T07:59:59Z'));
    expect(problem.path).toBe('$.time_entries[0].stop');
    expect(problem.message).toContain('2026-10-05T07:59:59Z');
    expect(problem.message).toContain('2026-10-05T08:00:00Z');
    expect(problem.message).toMatch(/before/);
  });

  it('a stop before its start once the offsets are taken into account', () => {
    // 09:30+02:00 is 07:30Z, before the start at 08:00Z.
    expect(onlyProblem((dataset) => (dataset.time_entries[0].stop = '2026-10-05T09:30:00+02:00')).path).toBe('$.time_entries[0].stop');
  });

  it('a duration that disagrees with start and stop', () => {
    const problem = onlyProblem((dataset) => (dataset.time_entries[0].duration = 3600));
    expect(problem.path).toBe('$.time_entries[0].duration');
    expect(problem.message).toContain('3600');
    expect(problem.message).toContain('5400');
  });

  it('a duration that agrees with start and stop is accepted', () => {
    const dataset = readmeDataset();
    dataset.time_entries[0].duration = 5400;
    expect(loadDataset(dataset).ok).toBe(true);
  });

  it('a negative duration on an entry that has a stop', () => {
    expect(onlyProblem((dataset) => (dataset.time_entries[0].duration = -1)).path).toBe('$.time_entries[0].duration');
  });

  it('duplicate saved-report tokens', () => {
    const problem = onlyProblem((dataset) => dataset.saved_reports.push({ token: 'b1ll4ble', workspace_id: 42, report: 'summary' }));
    expect(problem.path).toBe('$.saved_reports[1].token');
    expect(problem.message).toContain('"b1ll4ble"');
    expect(problem.message).toContain('$.saved_reports[0]');
  });

  it('an empty saved-report token', () => {
    const problem = onlyProblem((dataset) => (dataset.saved_reports[0].token = ''));
    expect(problem.path).toBe('$.saved_reports[0].token');
    expect(problem.message).toMatch(/at least 1 character/);
  });

  it("lists at most 10 problems, the first ones in the file's order", () => {
    expect(MAX_PROBLEMS).toBe(10);
    const references = problemsOf((dataset) => {
      for (let index = 0; index < 15; index += 1)
        dataset.time_entries.push({
          id: 100 + index,
          workspace_id: 42,
          user_id: 1000 + index,
          start: '2026-10-05T08:00:00Z',
          duration: 60,
        });
    });
    expect(references.map((problem) => problem.path)).toEqual(
      Array.from({ length: 10 }, (_, index) => `$.time_entries[${index + 2}].user_id`),
    );
    expect(references[0]!.message).toContain('user 1000');
    const shapes = problemsOf((dataset) => {
      for (let index = 0; index < 15; index += 1)
        dataset.time_entries.push({ id: `x${index}`, workspace_id: 42, user_id: 7, start: '2026-10-05T08:00:00Z' });
    });
    expect(shapes.map((problem) => problem.path)).toEqual(Array.from({ length: 10 }, (_, index) => `$.time_entries[${index + 2}].id`));
  });

  it('lists several problems of different kinds together', () => {
    const problems = problemsOf((dataset) => {
      dataset.users[1].timezone = 'Nowhere/Special';
      dataset.time_entries[0].stop = '2026-10-05T07:00:00Z';
      dataset.time_entries[1].user_id = 77;
    });
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      '$.time_entries[0].stop',
      '$.time_entries[1].user_id',
      '$.users[1].timezone',
    ]);
  });
});
