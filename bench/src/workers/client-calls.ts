import { createTogglExportsClient, type paths } from '@toggl-exports/client';
import createClient from 'openapi-fetch';
import { type Summary, summarize } from '../stats.ts';

/*
 * Runs in a process of its own: the same export call made three ways against the local CSV
 * server (argv[2]), in interleaved rounds so that drift on the machine touches all three alike.
 * Prints { variant: { count, median, p99 } } in microseconds per call, body read in full.
 */

const baseUrl = process.argv[2]!;
const rounds = Number(process.argv[3] ?? 20);
const callsPerRound = Number(process.argv[4] ?? 250);
const warmUpCalls = 500;

const workspaceId = 1234567;
const body = { start_date: '2026-10-01', end_date: '2026-10-31' };
const authorization = `Basic ${Buffer.from('ada@example.com:correct horse').toString('base64')}`;
const url = `${baseUrl}/reports/api/v3/workspace/${workspaceId}/search/time_entries.csv`;

const togglClient = createTogglExportsClient({ email: 'ada@example.com', password: 'correct horse' }, { baseUrl });
const openapiClient = createClient<paths>({ baseUrl, headers: { authorization } });

const variants: Record<string, () => Promise<string>> = {
  'raw fetch': async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization, accept: 'text/csv', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
    return response.text();
  },
  'openapi-fetch': async () => {
    const { data, error, response } = await openapiClient.POST('/reports/api/v3/workspace/{workspace_id}/search/time_entries.{extension}', {
      params: { path: { workspace_id: workspaceId, extension: 'csv' } },
      headers: { accept: 'text/csv' },
      body,
      parseAs: 'text',
    });
    if (error !== undefined || typeof data !== 'string') throw new Error(`openapi-fetch: ${response.status}`);
    return data;
  },
  'our client': async () => (await togglClient.exportDetailedReport({ workspaceId, format: 'csv', body })).text(),
};

const names = Object.keys(variants);
const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));

for (const name of names) for (let call = 0; call < warmUpCalls; call++) await variants[name]!();

for (let round = 0; round < rounds; round++) {
  // A different variant goes first each round.
  for (const name of names.map((_, index) => names[(index + round) % names.length]!)) {
    const call = variants[name]!;
    const times = samples[name]!;
    for (let index = 0; index < callsPerRound; index++) {
      const started = process.hrtime.bigint();
      await call();
      times.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  }
}

const result: Record<string, Summary> = Object.fromEntries(names.map((name) => [name, summarize(samples[name]!)]));
console.log(JSON.stringify(result));
