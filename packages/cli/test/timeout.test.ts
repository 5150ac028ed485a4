// A real timeout: a mock that answers only after 3 s, and a CLI allowed 1 s (--timeout is in
// seconds, retries included). The run must end with exit 6 before the mock would have answered,
// say which timeout it hit, and leave nothing at --out or beside it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@toggl-exports/mock-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, scratchDir } from './support/cli.ts';

const latencyMs = 3000;

let slow: MockServer;
beforeAll(async () => {
  slow = await startMockServer({ port: 0, latencyMs });
});
afterAll(() => slow.close());

it('a mock slower than --timeout: exit 6, the timeout named, and no file at --out', async () => {
  const cwd = scratchDir();
  const result = await runCli(
    [
      'detailed',
      '--workspace',
      '1',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--timeout',
      '1',
      '--out',
      'march.csv',
      '--base-url',
      slow.url,
    ],
    { cwd },
  );
  const exitedAt = Date.now();
  expect(result.code).toBe(6);
  expect(result.stderr).toContain('got no response within its timeout of 1000 ms');
  expect(result.stderr).toContain('allow more time with --timeout');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(join(cwd, 'march.csv'))).toBe(false);
  expect(readdirSync(cwd)).toEqual([]);
  // The request was sent, once, and the mock's journal records that the CLI gave up before an answer.
  await expect.poll(() => slow.requests(), { timeout: latencyMs + 2000 }).toHaveLength(1);
  const [entry] = slow.requests();
  expect(entry).toMatchObject({
    method: 'POST',
    path: '/reports/api/v3/workspace/1/search/time_entries.csv',
    credentials: 'api_token',
    body: { start_date: '2026-03-01', end_date: '2026-03-31' },
  });
  expect(entry?.status).toBeUndefined();
  // The timeout ended the run, not the mock's answer: the CLI had exited before the latency was
  // over, counted from the request's arrival (so Node's start-up on a busy machine does not count).
  expect(exitedAt - Date.parse(entry!.receivedAt)).toBeLessThan(latencyMs);
});
