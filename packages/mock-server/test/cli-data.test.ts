// The built CLI with --data FILE (README "From the command line" and "Your own data"): a good
// dataset is served; a bad one is refused before the server listens, with the file, the JSON
// path and what is wrong, and exit code 1.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { csvRows } from './parse-files.ts';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const credentials = `Basic ${Buffer.from('ada@example.com:secret').toString('base64')}`;

let dir = '';
const spawned: ChildProcess[] = [];

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `pnpm build` (turbo runs it before these tests)');
  dir = await mkdtemp(path.join(tmpdir(), 'mock-cli-data-'));
});

afterEach(() => {
  for (const child of spawned.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: unknown): Promise<string> {
  const at = path.join(dir, name);
  await writeFile(at, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return at;
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to its end (killed after 20 s), collecting its output. */
function runCli(args: string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [cli, ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(new Error(`CLI did not exit by itself (${error.message}); stdout: ${stdout}`));
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
    spawned.push(child);
  });
}

/** Starts the CLI and waits for the URL it prints. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  spawned.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /mock server: (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
  });
  return { child, url };
}

const post = async (url: string, body: unknown, withCredentials = true) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(withCredentials && { authorization: credentials }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
};

function goodDataset() {
  return {
    workspaces: [{ id: 77, name: 'Own Numbers Ltd', default_currency: 'GBP', default_hourly_rate: 80 }],
    users: [{ id: 5, fullname: 'Mary Somerville', email: 'mary@own.example', timezone: 'Asia/Kolkata' }],
    clients: [{ id: 6, name: 'Royal Society' }],
    projects: [{ id: 8, name: 'Orbital Mechanics', client_id: 6, rate: 112.5 }],
    tags: [{ id: 9, name: 'Writing' }],
    time_entries: [
      // 09:00 to 11:20 in Kolkata: 2 h 20 min at 112.50 is 262.50.
      {
        id: 31,
        workspace_id: 77,
        user_id: 5,
        project_id: 8,
        description: 'Chapter on tides',
        billable: true,
        start: '2026-10-05T03:30:00Z',
        stop: '2026-10-05T05:50:00Z',
        tag_ids: [9],
      },
      // Running: in no report.
      {
        id: 32,
        workspace_id: 77,
        user_id: 5,
        project_id: 8,
        description: 'Still writing',
        billable: true,
        start: '2026-10-06T03:30:00Z',
        stop: null,
        duration: -1791257400,
      },
    ],
    saved_reports: [
      {
        token: 'pub1ic',
        workspace_id: 77,
        report: 'detailed',
        public: true,
        name: 'October, public',
        params: { start_date: '2026-10-01', end_date: '2026-10-31' },
      },
      {
        token: 'pr1vate',
        workspace_id: 77,
        report: 'detailed',
        public: false,
        params: { start_date: '2026-10-01', end_date: '2026-10-31' },
      },
    ],
  };
}

const detailedPath = (workspace: number) => `/reports/api/v3/workspace/${workspace}/search/time_entries.csv`;

/** A port nobody listens on, held by this test until released. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

describe('toggl-exports-mock --data', () => {
  it("serves the dataset's own numbers", async () => {
    const good = await file('good.json', goodDataset());
    const { child, url } = await startCli(['--port', '0', '--data', good]);
    const answer = await post(`${url}${detailedPath(77)}`, { start_date: '2026-10-01', end_date: '2026-10-31' });
    expect(answer.status, answer.bytes.toString()).toBe(200);
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="TogglTrack_Report_Detailed_report_(from_01_10_2026_to_31_10_2026).csv"',
    );
    expect(csvRows(answer.bytes)).toEqual([
      [
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
        'Amount (GBP)',
      ],
      [
        'Mary Somerville',
        'mary@own.example',
        'Royal Society',
        'Orbital Mechanics',
        '',
        'Chapter on tides',
        'Yes',
        '2026-10-05',
        '09:00:00',
        '2026-10-05',
        '11:20:00',
        '02:20:00',
        'Writing',
        '262.50',
      ],
    ]);
    // Only the dataset's workspace and saved reports exist.
    const other = await post(`${url}${detailedPath(1234567)}`, { start_date: '2026-10-01' });
    expect([other.status, JSON.parse(other.bytes.toString())]).toEqual([403, 'Workspace not found/accessible']);
    const saved = await post(`${url}/reports/api/v3/shared/pub1ic.csv`, {}, false);
    expect(saved.status).toBe(200);
    expect(csvRows(saved.bytes)[1]?.[5]).toBe('Chapter on tides');
    expect(saved.headers.get('content-disposition')).toContain('TogglTrack_Report_October_public_(from_01_10_2026_to_31_10_2026).csv');
    const privateWithout = await post(`${url}/reports/api/v3/shared/pr1vate.csv`, {}, false);
    expect([privateWithout.status, JSON.parse(privateWithout.bytes.toString())]).toEqual([403, 'Invalid token']);
    const unknown = await post(`${url}/reports/api/v3/shared/unknown.csv`, {});
    expect([unknown.status, JSON.parse(unknown.bytes.toString())]).toEqual([404, 'Not found']);
    child.kill('SIGTERM');
  });

  it('refuses a bad dataset with exit code 1, naming the file, the JSON path and what is wrong, before it listens', async () => {
    const dataset = goodDataset();
    (dataset.time_entries[0] as Record<string, unknown>)['start'] = 'yesterday';
    const bad = await file('bad.json', dataset);
    // Hold the port it is told to use: had it tried to listen first, it would say the port is taken.
    const { port, server } = await holdPort();
    try {
      const result = await runCli(['--port', String(port), '--data', bad]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${bad} is not a usable dataset`);
      expect(result.stderr).toContain(
        '$.time_entries[0].start: expected a date-time with its offset, e.g. 2026-10-01T09:30:00+02:00, got "yesterday"',
      );
      expect(result.stderr).not.toContain('already in use');
      expect(result.stdout).not.toMatch(/mock server: http/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('names a reference to something missing', async () => {
    const dataset = goodDataset();
    dataset.time_entries[0]!.project_id = 201;
    const bad = await file('bad-reference.json', dataset);
    const result = await runCli(['--port', '0', '--data', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(bad);
    expect(result.stderr).toContain('$.time_entries[0].project_id: refers to project 201, which is not in $.projects');
    expect(result.stdout).not.toMatch(/mock server: http/);
  });

  it("lists a stop before its start and a missing reference together, as the README's example output shows", async () => {
    const dataset = goodDataset();
    const first = dataset.time_entries[0] as Record<string, unknown>;
    first['stop'] = new Date(Date.parse(String(first['start'])) - 3_600_000).toISOString();
    delete first['duration'];
    dataset.time_entries[1]!.project_id = 201;
    const bad = await file('workspace.json', dataset);
    const result = await runCli(['--port', '0', '--data', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\$\.time_entries\[0\]\.stop: "[^"]+" is before the entry's start "[^"]+"/);
    expect(result.stderr).toContain('$.time_entries[1].project_id: refers to project 201, which is not in $.projects');
  });

  it('lists problems of shape alone: a date-time that is not one, before any reference is checked', async () => {
    const dataset = goodDataset();
    (dataset.time_entries[0] as Record<string, unknown>)['start'] = 'yesterday';
    dataset.time_entries[1]!.project_id = 201;
    const result = await runCli(['--port', '0', '--data', await file('shape.json', dataset)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('$.time_entries[0].start: expected a date-time with its offset');
    expect(result.stderr).not.toContain('project_id');
  });

  it('lists at most ten problems, and says that it stopped there', async () => {
    const dataset = goodDataset();
    for (let index = 0; index < 14; index += 1)
      dataset.time_entries.push({ ...dataset.time_entries[0]!, id: 100 + index, user_id: 500 + index });
    const bad = await file('many-problems.json', dataset);
    const result = await runCli(['--port', '0', '--data', bad]);
    expect(result.code).toBe(1);
    const problems = result.stderr.split('\n').filter((line) => /^ {2}\$\./.test(line));
    expect(problems).toEqual(
      Array.from(
        { length: 10 },
        (_, index) => `  $.time_entries[${index + 2}].user_id: refers to user ${500 + index}, which is not in $.users`,
      ),
    );
    expect(result.stderr).toContain('stops after 10 problems');
  });

  it('says when the --data file does not exist', async () => {
    const missing = path.join(dir, 'missing.json');
    const result = await runCli(['--port', '0', '--data', missing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot read --data file '${missing}': no such file`);
    expect(result.stdout).not.toMatch(/mock server: http/);
  });

  it('says when the --data file cannot be read as a file (a directory)', async () => {
    const folder = path.join(dir, 'a-folder.json');
    await mkdir(folder, { recursive: true });
    const result = await runCli(['--port', '0', '--data', folder]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot read --data file '${folder}': it is a folder, not a file`);
  });

  it.each([
    ['not-json.json', '{ "workspaces": [ { "id": 1, '],
    ['empty.json', ''],
    ['yaml.json', 'workspaces:\n  - id: 1\n    name: Acme\n'],
  ])('says when the --data file is not JSON: %s', async (name, content) => {
    const notJson = await file(name, content);
    const result = await runCli(['--port', '0', '--data', notJson]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(notJson);
    expect(result.stderr).toMatch(/is not valid JSON/);
    expect(result.stdout).not.toMatch(/mock server: http/);
  });

  it('refuses a saved report whose params its export does not take, at start', async () => {
    const dataset = goodDataset();
    dataset.saved_reports[0]!.params = { start_date: 5 } as never;
    const bad = await file('bad-saved.json', dataset);
    const result = await runCli(['--port', '0', '--data', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(bad);
    expect(result.stderr).toContain('$.saved_reports[0].params');
    expect(result.stderr).toContain("'start_date'");
    expect(result.stdout).not.toMatch(/mock server: http/);
  });

  it('refuses saved-report params that break a rule between fields', async () => {
    const dataset = goodDataset();
    dataset.saved_reports[1]!.params = { start_date: '2026-10-31', end_date: '2026-10-01' };
    const bad = await file('bad-saved-dates.json', dataset);
    const result = await runCli(['--port', '0', '--data', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('$.saved_reports[1].params');
    expect(result.stderr).toContain("'end_date'");
  });
});
