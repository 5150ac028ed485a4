// Consumer's-eye: the packed CLI, installed from its tarball with the packed client it depends on,
// run with `npx toggl-exports` in the consumer project against the packed mock server's bin.
import type { ExecFileException } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { run } from './consumer-project.ts';
import { downloadFromTest, type Mock, startMockBin, stopMock } from './packed-mock.ts';

const dir = inject('consumerDir');

/** A token of Toggl's shape: the mock accepts any such token. No run may print it, nor its Basic form. */
const token = '5f0c3e1a9b7d42e68c1f0a2b3d4e5f60';
const basic = Buffer.from(`${token}:api_token`).toString('base64');

const workspaceId = 1234567;
const october = { start_date: '2026-10-01', end_date: '2026-10-31' };

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npx --no -- toggl-exports ...` in the consumer project, its output piped (no terminal).
 * `--no`: npx must find the bin the project installed, never fetch a package from the registry.
 * The environment is the test's, with TOGGL_API_TOKEN set to `tokenEnv` or unset.
 */
async function npx(args: string[], tokenEnv: string | undefined, cwd = dir): Promise<CliRun> {
  const { TOGGL_API_TOKEN: _ignored, ...env } = process.env;
  let result: CliRun;
  try {
    const { stdout, stderr } = await run('npx', ['--no', '--', 'toggl-exports', ...args], {
      cwd,
      env: tokenEnv === undefined ? env : { ...env, TOGGL_API_TOKEN: tokenEnv },
      encoding: 'utf8',
    });
    result = { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as ExecFileException & { stdout: string; stderr: string };
    if (typeof failed.code !== 'number') throw error;
    result = { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
  for (const output of [result.stdout, result.stderr]) {
    expect(output).not.toContain(token);
    expect(output).not.toContain(basic);
  }
  return result;
}

let mock: Mock;
let outDir: string;
beforeAll(async () => {
  mock = await startMockBin(dir);
  outDir = path.join(dir, 'downloads', 'cli');
  await mkdir(outDir, { recursive: true });
});
afterAll(() => stopMock(mock));

const detailedOctober = (out: string) => [
  'detailed',
  '--workspace',
  String(workspaceId),
  '--from',
  october.start_date,
  '--to',
  october.end_date,
  '--format',
  'csv',
  '--base-url',
  mock.url,
  '--out',
  out,
];

describe('npx toggl-exports (the packed CLI)', () => {
  it('is installed from its tarball, with the packed client as its only client', () => {
    const project = createRequire(path.join(dir, 'package.json'));
    const cliManifest = project.resolve('@toggl-exports/cli/package.json');
    expect(cliManifest).toBe(path.join(dir, 'node_modules', '@toggl-exports', 'cli', 'package.json'));
    // The client the CLI loads is the one the project installed from the client's tarball.
    const fromCli = createRequire(cliManifest).resolve('@toggl-exports/client');
    expect(fromCli).toBe(project.resolve('@toggl-exports/client'));
    expect(fromCli.startsWith(path.join(dir, 'node_modules', '@toggl-exports', 'client', ''))).toBe(true);
  });

  it('--help: exit 0, listing every command', async () => {
    const result = await npx(['--help'], undefined);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: toggl-exports');
    for (const command of ['detailed', 'summary', 'weekly', 'saved', 'profitability-employees', 'profitability-projects', 'trends']) {
      expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('detailed --format csv --out: exit 0, and the file is the CSV the mock sends for the same request', async () => {
    const out = path.join(outDir, 'october.csv');
    const result = await npx(detailedOctober(out), token);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Saved ${out} (`);
    const bytes = await readFile(out);
    // The mock's CSV starts with a UTF-8 byte-order mark, then the header row.
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const [header, ...rows] = bytes.toString('utf8').slice(1).trimEnd().split(/\r?\n/);
    expect(header).toMatch(/^"User","Email",.*"Start date","Start time","End date","End time","Duration"/);
    expect(rows.length).toBeGreaterThan(0);
    expect(result.stderr).toContain(`${rows.length} rows`);
    // The same request made from the test with the packed client gets the very same bytes.
    const expected = await downloadFromTest(dir, mock.url, 'exportDetailedReport', { workspaceId, format: 'csv', body: october });
    expect(bytes.equals(expected.bytes), 'the CLI saved the bytes the mock sends').toBe(true);
    // Nothing else (no temporary file) is left beside it.
    expect(await readdir(outDir)).toEqual(['october.csv']);
  });

  it('without TOGGL_API_TOKEN: exit 3, saying where to set one, and no file', async () => {
    const out = path.join(outDir, 'no-token.csv');
    const result = await npx(detailedOctober(out), undefined);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('No API token: set TOGGL_API_TOKEN, or pass --token-file FILE');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(outDir)).not.toContain('no-token.csv');
  });

  it('a body field the mock refuses, with --verbose: exit 5, its 400 message, the token masked in every line', async () => {
    const out = path.join(outDir, 'refused.csv');
    const result = await npx([...detailedOctober(out), '--set', 'rounding_minutes=7', '--verbose'], token);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('> authorization: ***');
    expect(result.stderr).toContain('HTTP 400');
    expect(result.stderr).toContain("Invalid 'rounding_minutes' value");
    expect(result.stderr).toContain('Check the flags, --body and --set');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(outDir)).not.toContain('refused.csv');
  });
});
