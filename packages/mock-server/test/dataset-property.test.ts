// Property over real HTTP: for random small datasets given to startMockServer({ data }), the
// detailed CSV that a filtered request gets holds exactly the entries the README's rules select.
// The generator and the oracle are the report engine's property test's (they share no code with
// the engine or the mock); turbo.json lists their folder among this package's test inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyArbitrary,
  canonical,
  expectedDetailed,
  type Json,
  type Model,
  modelArbitrary,
  WORKSPACE_ID,
} from '../../report-engine/test/support/detailed-model.ts';
import { DatasetError, startMockServer } from '../src/index.ts';
import { csvRows } from './parse-files.ts';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 25);
const credentials = `Basic ${Buffer.from('ada@example.com:secret').toString('base64')}`;

async function post(url: string, body: unknown, withCredentials = true) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(withCredentials && { authorization: credentials }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** `2026-10-01` as file names write it: `01_10_2026`. */
const inName = (date: string) => date.split('-').reverse().join('_');
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const cases = modelArbitrary.chain((model) => fc.tuple(fc.constant(model), bodyArbitrary(model.month)));

async function withServer<T>(data: Json, run: (url: string) => Promise<T>): Promise<T> {
  const server = await startMockServer({ port: 0, data: data as never });
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

function checkCsv(answer: { status: number; headers: Headers; bytes: Buffer }, model: Model, body: Json) {
  expect(answer.status, answer.bytes.toString()).toBe(200);
  expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
  const start: string = body['start_date'] ?? addDays(body['end_date'], -6);
  const end: string = body['end_date'] ?? addDays(body['start_date'], 6);
  expect(answer.headers.get('content-disposition')).toContain(`(from_${inName(start)}_to_${inName(end)}).csv`);
  const [header = [], ...rows] = csvRows(answer.bytes);
  const expected = expectedDetailed(model.dataset, WORKSPACE_ID, body);
  expect(header).toEqual(expected.header);
  expect(canonical(rows, header)).toEqual(canonical(expected.rows, expected.header));
}

describe('a dataset served over HTTP (property)', () => {
  it('the detailed CSV holds exactly the entries the filters select', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ([model, body]) => {
        await withServer(model.dataset, async (url) => {
          checkCsv(await post(`${url}/reports/api/v3/workspace/${WORKSPACE_ID}/search/time_entries.csv`, body), model, body);
        });
      }),
      { numRuns },
    );
  });

  it('a public saved report with those filters as its params serves the same rows, without credentials', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ([model, body]) => {
        const dataset = {
          ...model.dataset,
          saved_reports: [
            { token: 'pr0perty', workspace_id: WORKSPACE_ID, report: 'detailed', public: true, name: 'Property report', params: body },
          ],
        };
        await withServer(dataset, async (url) => {
          const answer = await post(`${url}/reports/api/v3/shared/pr0perty.csv`, {}, false);
          checkCsv(answer, model, body);
          expect(answer.headers.get('content-disposition')).toContain('TogglTrack_Report_Property_report_(from_');
        });
      }),
      { numRuns: Math.max(1, Math.round(numRuns / 2)) },
    );
  });

  it("only the dataset's workspaces and saved reports exist", async () => {
    const [[model]] = fc.sample(cases, { numRuns: 1, seed: 3 }) as [[Model, Json]];
    const dataset = {
      ...model.dataset,
      saved_reports: [
        { token: 'private1', workspace_id: WORKSPACE_ID, report: 'summary', public: false, params: { start_date: `${model.month}-01` } },
      ],
    };
    await withServer(dataset, async (url) => {
      const other = await post(`${url}/reports/api/v3/workspace/1234567/search/time_entries.csv`, { start_date: `${model.month}-01` });
      expect([other.status, JSON.parse(other.bytes.toString())]).toEqual([403, 'Workspace not found/accessible']);
      const unknown = await post(`${url}/reports/api/v3/shared/nope.csv`, {});
      expect([unknown.status, JSON.parse(unknown.bytes.toString())]).toEqual([404, 'Not found']);
      const privateWithout = await post(`${url}/reports/api/v3/shared/private1.csv`, {}, false);
      expect([privateWithout.status, JSON.parse(privateWithout.bytes.toString())]).toEqual([403, 'Invalid token']);
      expect((await post(`${url}/reports/api/v3/shared/private1.csv`, {})).status).toBe(200);
    });
  });

  it('startMockServer rejects a generated dataset spoilt in one place with a DatasetError naming that place', async () => {
    await fc.assert(
      fc.asyncProperty(modelArbitrary, fc.constantFrom('user', 'timezone', 'start', 'duplicate'), async (model, spoil) => {
        const dataset = structuredClone(model.dataset);
        const entries = dataset['time_entries'] as Json[];
        let path = '$.users[0].timezone';
        if (spoil === 'timezone' || entries.length === 0) dataset['users'][0].timezone = 'Atlantis/Capital';
        else if (spoil === 'user') [entries[0]!['user_id'], path] = [99, '$.time_entries[0].user_id'];
        else if (spoil === 'start') [entries[0]!['start'], path] = ['2026-10-05 08:00', '$.time_entries[0].start'];
        else
          [dataset['users'], path] = [
            [...dataset['users'], { ...dataset['users'][0], fullname: 'Copy' }],
            `$.users[${dataset['users'].length}].id`,
          ];
        const failure = await startMockServer({ port: 0, data: dataset as never }).then(
          async (server) => {
            await server.close();
            return undefined;
          },
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(DatasetError);
        expect((failure as DatasetError).problems.map((problem) => problem.path)).toContain(path);
        expect((failure as DatasetError).message).toContain(`${path}: `);
      }),
      { numRuns },
    );
  });
});
