// Exit codes and messages, each from a real run of the bin: what went wrong and what to fix,
// never a stack trace, never the token, and never a partial file at --out.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@toggl-exports/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, scratchDir, token } from './support/cli.ts';
import { dailyDataset, workspaceId } from './support/dataset.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, data: dailyDataset(), latencyMs: 0 });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.resetRequests();
  mock.resetFaults();
});

const detailed = (...flags: string[]) => [
  'detailed',
  '--workspace',
  String(workspaceId),
  '--period',
  '2026-03',
  '--base-url',
  mock.url,
  ...flags,
];

describe('bad usage: exit 2, naming the flag and what is allowed', () => {
  it.each([
    [['detailed', '--workspace', '42', '--from', '2026-02-30'], /--from "2026-02-30" is not a date; use YYYY-MM-DD/],
    [
      ['detailed', '--workspace', '42', '--period', 'last-year'],
      /--period "last-year" is not a period; use last-month, this-month, last-week, YYYY-MM/,
    ],
    [['detailed', '--workspace', '42', '--from', '2026-03-01', '--to', '2026-02-01'], /--to 2026-02-01 is before --from 2026-03-01/],
    [['detailed', '--workspace', '42', '--period', '2026-01', '--from', '2026-01-01'], /--period cannot be combined with --from or --to/],
    [['detailed', '--workspace', 'acme'], /--workspace <id>' argument 'acme' is invalid\. use the numeric ID/],
    [['detailed'], /required option '-w, --workspace <id>' not specified/],
    [['detailed', '-w', '42', '--format', 'docx'], /Allowed choices are csv, xlsx, pdf/],
    [['weekly', '-w', '42', '--format', 'xlsx'], /Allowed choices are csv, pdf/],
    [['detailed', '-w', '42', '--project', 'billing'], /--project "billing" is not an ID; use a number such as 1234, or none/],
    [['detailed', '-w', '42', '--billable', 'maybe'], /--billable "maybe" is not allowed; use yes or no/],
    [['detailed', '-w', '42', '--set', '=5'], /--set "=5" has no key; use key=value/],
    [['detailed', '-w', '42', '--body', 'nope.json'], /--body: cannot read nope.json \(ENOENT\)/],
    [['detailed', '-w', '42', '--json', '--out', '-'], /--json prints its result on stdout/],
    [
      ['detailed', '-w', '99999999999999999999', '--dry-run'],
      /--workspace <id>' argument '99999999999999999999' is invalid\. use the numeric ID/,
    ],
    [['detailed', '-w', '42', '--user', '99999999999999999999', '--dry-run'], /--user "99999999999999999999" is not an ID; use a number/],
    [['detailed', '-w', '42', '--timeout', '0'], /--timeout <seconds>' argument '0' is invalid\. use a whole number from 1 to 86400/],
    [
      ['detailed', '-w', '42', '--base-url', 'notaurl'],
      /--base-url is "notaurl"; use an absolute http\(s\) URL without credentials, query or fragment, such as "https:\/\/api\.track\.toggl\.com"/,
    ],
    [
      ['detailed', '-w', '42', '--base-url', 'ftp://127.0.0.1:4010'],
      /--base-url is "ftp:\/\/127\.0\.0\.1:4010"; use an absolute http\(s\) URL without credentials, query or fragment/,
    ],
    [
      ['detailed', '-w', '42', '--base-url', 'http://127.0.0.1:4010/?mock=1'],
      /--base-url is "http:\/\/127\.0\.0\.1:4010\/\?mock=1"; use an absolute http\(s\) URL without credentials, query or fragment/,
    ],
    [
      ['detailed', '-w', '42', '--set', 'page_size=1e999999', '--dry-run'],
      /--set page_size: page_size is too large for JSON and would be sent as null; use a number from -9007199254740991 to 9007199254740991/,
    ],
    [
      ['detailed', '-w', '42', '--set', 'x=9007199254740993', '--dry-run'],
      /--set x: x is beyond the whole numbers JSON keeps exactly and would be sent as 9007199254740992; use a number from/,
    ],
    [
      ['detailed', '-w', '42', '--set', 'ids=[1,{"a":[-9007199254740993]}]', '--dry-run'],
      /--set ids: ids\[1\]\.a\[0\] is beyond the whole numbers JSON keeps exactly and would be sent as -9007199254740992/,
    ],
    [['monthly'], /unknown command 'monthly'/],
    [[], /Usage: toggl-exports/],
  ])('%j', async (args, message) => {
    const result = await runCli(args);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(2);
  });

  it('refuses a --body file with a number JSON cannot keep exactly, saying where it is', async () => {
    const cwd = scratchDir();
    writeFileSync(join(cwd, 'body.json'), '{"grouping": "users", "project_ids": [1, 9007199254740993]}');
    const result = await runCli(['detailed', '-w', '42', '--body', 'body.json', '--dry-run'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--body: body.json: project_ids[1] is beyond the whole numbers JSON keeps exactly and would be sent as 9007199254740992;',
    );
    expect(result.stdout).toBe('');
  });

  it('refuses a --base-url with a password without printing it', async () => {
    const result = await runCli(['detailed', '-w', '42', '--base-url', 'https://me:hunter2@api.track.toggl.com']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--base-url is not usable: it carries a user name or password; use');
    expect(result.stderr).not.toContain('hunter2');
  });

  it('refuses a token on the command line without printing it', async () => {
    const result = await runCli(['detailed', '-w', '42', `--token=${token}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--token is not accepted');
    expect(result.stderr).toContain('TOGGL_API_TOKEN');
  });
});

describe('authentication: exit 3', () => {
  it('without a token, says where to set one, and sends nothing', async () => {
    const result = await runCli(detailed(), { env: { TOGGL_API_TOKEN: undefined } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('No API token: set TOGGL_API_TOKEN, or pass --token-file FILE');
    expect(mock.requests()).toEqual([]);
  });

  it('reads the token from --token-file', async () => {
    const cwd = scratchDir();
    writeFileSync(join(cwd, 'token'), `${token}\n`);
    const result = await runCli(detailed('--token-file', 'token', '--out', '-'), { cwd, env: { TOGGL_API_TOKEN: undefined } });
    expect(result.code).toBe(0);
    expect(mock.requests()[0]?.credentials).toBe('api_token');
  });

  it('when Toggl refuses access to the workspace, names the flag to check', async () => {
    const result = await runCli(['detailed', '--workspace', '43', '--period', '2026-03', '--base-url', mock.url]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('HTTP 403');
    expect(result.stderr).toContain('Check --workspace');
  });
});

describe('quota and rate limit: exit 4', () => {
  it('when the hourly quota is used up, says when it starts again', async () => {
    const limited = await startMockServer({ port: 0, quota: 1 });
    try {
      const args = ['summary', '-w', '1', '--period', '2026-03', '--out', '-', '--base-url', limited.url];
      expect((await runCli(args)).code).toBe(0);
      const result = await runCli(args);
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(/quota .*starts again in \d+ s/);
    } finally {
      await limited.close();
    }
  });

  it('when Toggl asks to wait longer than --max-wait allows, stops with the wait', async () => {
    const limited = await startMockServer({ port: 0, rateLimit: { perSecond: 0.2, burst: 1 } });
    try {
      const result = await runCli([
        'summary',
        '-w',
        '1',
        '--period',
        '2026-03',
        '--out',
        '-',
        '--base-url',
        limited.url,
        '--max-wait',
        '0',
      ]);
      expect(result.code).toBe(0);
      const again = await runCli(['summary', '-w', '1', '--period', '2026-03', '--out', '-', '--base-url', limited.url, '--max-wait', '0']);
      expect(again.code).toBe(4);
      expect(again.stderr).toMatch(/HTTP 429 .*\n.*try again in \d+ s, or allow longer waits with --max-wait/);
    } finally {
      await limited.close();
    }
  });
});

describe('other API and network errors', () => {
  it('an invalid body field: exit 5 with the message Toggl sent', async () => {
    const result = await runCli(detailed('--set', 'rounding_minutes=7'));
    expect(result.code).toBe(5);
    expect(result.stderr).toContain("Invalid 'rounding_minutes' value");
    expect(result.stderr).toContain('Check the flags, --body and --set');
  });

  it("not found for a workspace export: exit 5, pointing at --workspace and --base-url, not at a saved report's token", async () => {
    const result = await runCli(['detailed', '-w', String(workspaceId), '--period', '2026-03', '--base-url', `${mock.url}/api`]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('HTTP 404');
    expect(result.stderr).toContain('Check --workspace and --base-url');
    expect(result.stderr).not.toContain('saved report');
  });

  it("not found for a saved report: exit 5, pointing at the saved report's token", async () => {
    const result = await runCli(['saved', 'N0SuchT0ken', '--base-url', mock.url]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('HTTP 404');
    expect(result.stderr).toContain("Check the saved report's token.");
  });

  it('nothing listening at --base-url: exit 6', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    await new Promise((done) => server.close(done));
    const result = await runCli(['detailed', '-w', '42', '--retries', '0', '--base-url', `http://127.0.0.1:${port}`]);
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('Check the network and --base-url');
  });
});

describe('no partial file', () => {
  it('a download cut off part way: exit 6, and nothing at --out or beside it', async () => {
    const cwd = scratchDir();
    mock.failNext('truncate');
    const result = await runCli(detailed('--out', 'march.csv'), { cwd });
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('cut off');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a chunked download whose last chunk fails leaves nothing, though the first chunks arrived', async () => {
    const cwd = scratchDir();
    const result = await runCli(
      [
        'detailed',
        '-w',
        String(workspaceId),
        '--from',
        '2024-01-01',
        '--to',
        '2026-06-30',
        '--set',
        'rounding_minutes=7',
        '--out',
        'all.csv',
        '--base-url',
        mock.url,
      ],
      { cwd },
    );
    expect(result.code).toBe(5);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('interrupted with Ctrl-C while waiting for Toggl: exit 130, and nothing written', async () => {
    const slow = await startMockServer({ port: 0, latencyMs: 5000 });
    try {
      const cwd = scratchDir();
      const result = await runCli(['detailed', '-w', '1', '--period', '2026-03', '--out', 'march.csv', '--base-url', slow.url], {
        cwd,
        onSpawn: (child) => {
          child.stderr?.once('data', () => setTimeout(() => child.kill('SIGINT'), 200));
        },
      });
      expect(result.code).toBe(130);
      expect(result.stderr).toContain('Interrupted; nothing was saved.');
      expect(existsSync(join(cwd, 'march.csv'))).toBe(false);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      await slow.close();
    }
  });
});

describe('--dry-run', () => {
  it('prints one cURL line per request, the token masked, and sends nothing', async () => {
    const result = await runCli([
      'detailed',
      '-w',
      String(workspaceId),
      '--from',
      '2024-01-01',
      '--to',
      '2026-06-30',
      '--project',
      '200',
      '--base-url',
      mock.url,
      '--dry-run',
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      `curl --fail-with-body -X POST ${mock.url}/reports/api/v3/workspace/42/search/time_entries.csv -H 'accept: text/csv' -u "$TOGGL_API_TOKEN:api_token" ` +
        `-H 'content-type: application/json' -H 'user-agent: toggl-exports-cli/0.0.0' --data '{"start_date":"2024-01-01","end_date":"2024-12-31","project_ids":[200]}'`,
    );
    expect(mock.requests()).toEqual([]);
  });

  it('sends the largest whole numbers JSON keeps exactly as they are', async () => {
    const result = await runCli(['detailed', '-w', '9007199254740991', '--set', 'x=[-9007199254740991,1.5,2.5e-7]', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('/workspace/9007199254740991/');
    expect(result.stdout).toContain(`--data '{"x":[-9007199254740991,1.5,2.5e-7]}'`);
  });

  it('needs no token', async () => {
    const result = await runCli(['summary', '-w', '1', '--format', 'pdf', '--dry-run', '--out', 'x.pdf'], {
      env: { TOGGL_API_TOKEN: undefined },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^curl .*https:\/\/api\.track\.toggl\.com\/reports\/api\/v3\/workspace\/1\/summary\/time_entries\.pdf .* -o x\.pdf\n$/,
    );
  });
});

it('masks the token in --verbose output', async () => {
  const result = await runCli(detailed('--verbose', '--out', '-'));
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('> authorization: ***');
});
