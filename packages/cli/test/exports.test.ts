// Every command in every format, run as the built bin against the mock: the file lands where asked,
// is what the format says, and the request sent is the one the flags describe.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportOperations } from '@toggl-exports/client';
import { type MockServer, startMockServer } from '@toggl-exports/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportCommands, formatsOf } from '../src/commands.ts';
import { runCli, scratchDir } from './support/cli.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock.close());
beforeEach(() => mock.resetRequests());

const magic = { csv: '\uFEFF"', xlsx: 'PK', pdf: '%PDF' };
const cases = exportCommands.flatMap((command) =>
  [...formatsOf(command)].map(([format, operationId]) => ({ command, format, operationId })),
);

describe.each(cases)('$command.name --format $format', ({ command, format, operationId }) => {
  it(`saves the file under the name Toggl suggests, from one ${operationId} request`, async () => {
    const cwd = scratchDir();
    const target = command.target === 'workspace' ? ['--workspace', '1234567'] : ['Sh4r3dT0ken'];
    const result = await runCli(
      [command.name, ...target, '--from', '2026-10-05', '--to', '2026-10-11', '--format', format, '--base-url', mock.url],
      { cwd },
    );
    expect(result.stderr).toMatch(/Saved .+ \(\d/);
    expect(result.code).toBe(0);
    const [file, ...others] = readdirSync(cwd);
    expect(others).toEqual([]);
    expect(file).toMatch(new RegExp(`\\.${format}$`));
    expect(
      readFileSync(join(cwd, file as string))
        .subarray(0, 4)
        .toString(),
    ).toContain(magic[format as keyof typeof magic]);
    const [request, ...more] = mock.requests();
    expect(more).toEqual([]);
    expect(request?.headers.accept).toBe(exportOperations[operationId].formats[format as never]);
    expect(request?.body).toEqual({ start_date: '2026-10-05', end_date: '2026-10-11' });
  });
});

it('sends the filter flags, --body and --set as body fields, later ones winning', async () => {
  const cwd = scratchDir();
  const bodyFile = join(cwd, 'body.json');
  await import('node:fs/promises').then((fs) =>
    fs.writeFile(bodyFile, JSON.stringify({ grouping: 'projects', rounding: 1, description: 'from file' })),
  );
  const result = await runCli(
    [
      'summary',
      '-w',
      '1',
      '--period',
      '2026-10',
      '--project',
      '1,none',
      '--project',
      '3',
      '--client',
      '9',
      '--user',
      '5',
      '--tag',
      'none',
      '--billable',
      'yes',
      '--description',
      'review',
      '--body',
      bodyFile,
      '--set',
      'grouping=users',
      '--set',
      'rounding_minutes=15',
      '--base-url',
      mock.url,
      '-o',
      'x.csv',
    ],
    { cwd },
  );
  expect(result.code).toBe(0);
  expect(mock.requests()[0]?.body).toEqual({
    start_date: '2026-10-01',
    end_date: '2026-10-31',
    grouping: 'users',
    rounding: 1,
    rounding_minutes: 15,
    description: 'review',
    project_ids: [1, null, 3],
    client_ids: [9],
    user_ids: [5],
    tag_ids: [null],
    billable: true,
  });
});

it('writes the file to stdout with --out -, and nothing else there', async () => {
  const result = await runCli(['detailed', '-w', '1', '--from', '2026-10-05', '--to', '2026-10-06', '--out', '-', '--base-url', mock.url]);
  expect(result.code).toBe(0);
  expect(result.stdout.startsWith('\uFEFF"User","Email"')).toBe(true);
  expect(result.stdout.trim().split('\n').length).toBeGreaterThan(2);
  expect(result.stderr).toContain('Saved stdout');
});

it('prints one JSON line with the result for --json, and nothing on stderr', async () => {
  const cwd = scratchDir();
  const result = await runCli(['detailed', '-w', '1', '--period', '2026-10', '--json', '--out', 'oct.csv', '--base-url', mock.url], {
    cwd,
  });
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  const line = JSON.parse(result.stdout);
  const csv = readFileSync(join(cwd, 'oct.csv'), 'utf8');
  expect(line).toMatchObject({
    ok: true,
    file: join(cwd, 'oct.csv'),
    bytes: Buffer.byteLength(csv),
    rows: csv.trim().split('\n').length - 1,
    requests: 1,
    chunks: 1,
  });
});

it('runs a saved report with the parameters it was saved with when no flag overrides them', async () => {
  const result = await runCli(['saved', 'AnyT0ken', '--out', '-', '--base-url', mock.url], { env: { TOGGL_API_TOKEN: undefined } });
  expect(result.code).toBe(0);
  const [request] = mock.requests();
  expect(request?.body).toBeUndefined();
  expect(request?.credentials).toBe('missing');
});

it("lists every command with examples in --help, and every flag in a command's --help", async () => {
  const top = await runCli(['--help']);
  expect(top.code).toBe(0);
  for (const command of exportCommands) expect(top.stdout).toContain(command.name);
  expect(top.stdout).toContain('Examples:');
  const detailed = await runCli(['detailed', '--help']);
  for (const flag of [
    '--workspace',
    '--from',
    '--to',
    '--period',
    '--format',
    '--out',
    '--project',
    '--client',
    '--user',
    '--tag',
    '--billable',
    '--description',
    '--body',
    '--set',
    '--base-url',
    '--token-file',
    '--dry-run',
    '--quiet',
    '--json',
    '--verbose',
  ])
    expect(detailed.stdout).toContain(flag);
  expect(detailed.stdout).toContain('toggl-exports detailed --workspace');
});
