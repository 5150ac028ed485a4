// The progress bar on a real pseudo-terminal (tmux), and plain lines when stderr is a pipe.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type MockServer, startMockServer } from '@toggl-exports/mock-server';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bin, runCli, scratchDir, token } from './support/cli.ts';
import { dailyDataset, workspaceId } from './support/dataset.ts';

let mock: MockServer;
beforeAll(async () => {
  // One request a second, so the second chunk is told to wait: the countdown shows.
  mock = await startMockServer({ port: 0, data: dailyDataset(), rateLimit: { perSecond: 1, burst: 1 }, latencyMs: 300 });
});
afterAll(() => mock.close());

const argsFor = (url: string) => [
  'detailed',
  '--workspace',
  String(workspaceId),
  '--from',
  '2024-01-01',
  '--to',
  '2026-06-30',
  '--base-url',
  url,
];

it('draws a bar per chunk, a countdown while Toggl asks to wait, and a summary, on a terminal', async () => {
  const cwd = scratchDir();
  const session = `toggl-exports-cli-${process.pid}`;
  const command = [process.execPath, bin, ...argsFor(mock.url), '--out', 'all.csv'].map((word) => `'${word}'`).join(' ');
  execFileSync('tmux', [
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    '160',
    '-y',
    '20',
    '-c',
    cwd,
    '-e',
    `TOGGL_API_TOKEN=${token}`,
    `${command}; echo "exit=$?"; sleep 30`,
  ]);
  const screens: string[] = [];
  try {
    for (let tries = 0; tries < 150; tries++) {
      const screen = execFileSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' });
      screens.push(screen);
      if (screen.includes('exit=')) break;
      await sleep(100);
    }
  } finally {
    execFileSync('tmux', ['kill-session', '-t', session]);
  }
  const all = screens.join('\n');
  expect(all).toMatch(/chunk 1\/3 2024-01-01 to 2024-12-31 \[[█░]+\]/);
  expect(all).toMatch(/chunk 3\/3 2026-01-02 to 2026-06-30/);
  expect(all).toMatch(/Toggl asks to slow down: retrying in \d s/);
  const last = screens.at(-1) ?? '';
  expect(last).toMatch(/\d+(\.\d)? kB of \d+(\.\d)? kB done/);
  expect(last).toMatch(/Saved .*all\.csv \(\d+(\.\d)? kB, 912 rows, \d+ requests, \d+\.\d s\)/);
  expect(last).toContain('exit=0');
  expect(all).not.toContain(token);
  // The header and 912 records (some descriptions span two lines).
  expect(parse(readFileSync(join(cwd, 'all.csv'), 'utf8'), { bom: true })).toHaveLength(913);
});

it('prints plain lines without a bar or terminal codes when stderr is a pipe', async () => {
  await sleep(1100);
  const result = await runCli([...argsFor(mock.url), '--out', 'all.csv']);
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('Requesting chunk 1/3 2024-01-01 to 2024-12-31\n');
  expect(result.stderr).toMatch(/Toggl asks to slow down: retrying in \d\.\d s \(attempt 2\)\n/);
  expect(result.stderr).toMatch(/Saved .*all\.csv/);
  expect(result.stderr).not.toContain('\u001b[');
  expect(result.stderr).not.toMatch(/[█░]/);
});

it('prints nothing with --quiet', async () => {
  await sleep(1100);
  const result = await runCli([...argsFor(mock.url), '--out', 'all.csv', '--quiet']);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe('');
});
