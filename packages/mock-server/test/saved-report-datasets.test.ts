// A dataset's saved reports, as startMockServer({ data }) checks them before it listens: each
// body as the export it runs as checks its own, except that a saved report may run without
// parameters (spec/DEVIATIONS.md #14); each problem named at its field, at most ten of them.
import { MAX_PROBLEMS } from '@toggl-exports/report-engine';
import { describe, expect, it } from 'vitest';
import { type Dataset, DatasetError, startMockServer } from '../src/index.ts';

type SavedReport = NonNullable<Dataset['saved_reports']>[number];

const dataset = (savedReports: Omit<SavedReport, 'workspace_id'>[]): Dataset => ({
  workspaces: [{ id: 77, name: 'Own Numbers Ltd' }],
  users: [{ id: 5, fullname: 'Mary Somerville', email: 'mary@own.example' }],
  time_entries: [],
  saved_reports: savedReports.map((saved) => ({ workspace_id: 77, public: true, ...saved })),
});

async function refusal(data: Dataset): Promise<DatasetError> {
  const failure = await startMockServer({ port: 0, data }).then(
    async (server) => {
      await server.close();
      throw new Error('the dataset was accepted');
    },
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(DatasetError);
  return failure as DatasetError;
}

describe('saved reports of a dataset', () => {
  it('may have no params, or only fields some of their exports leave out, and then run with none', async () => {
    const server = await startMockServer({
      port: 0,
      data: dataset([
        { token: 'n0params', report: 'detailed' },
        { token: 'empty', report: 'summary', params: {} },
        { token: 'pdf0nly', report: 'weekly', params: { date_format: 'DD.MM.YYYY' } },
      ]),
    });
    try {
      for (const path of ['n0params.csv', 'n0params.xlsx', 'n0params/pdf', 'empty.csv', 'pdf0nly.csv', 'pdf0nly/pdf']) {
        const response = await fetch(`${server.url}/reports/api/v3/shared/${path}`, { method: 'POST' });
        expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
      }
      const withEmptyBody = await fetch(`${server.url}/reports/api/v3/shared/n0params.csv`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(withEmptyBody.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('are refused at the field of their params that is wrong, naming the exports that refuse it', async () => {
    const { problems } = await refusal(
      dataset([
        { token: 'a', report: 'detailed', params: { start_date: 5 } },
        { token: 'b', report: 'detailed', params: { project_ids: [1, 'x'] } },
        { token: 'c', report: 'summary', params: { start_date: '2026-10-31', end_date: '2026-10-01' } },
        { token: 'd', report: 'weekly', params: { date_format: 'someday' } },
        { token: 'e', report: 'detailed', params: {} },
      ]),
    );
    expect(problems).toEqual([
      {
        path: '$.saved_reports[0].params.start_date',
        message: "Invalid 'start_date' value, expected a string (as a detailed report's CSV and XLSX exports take it)",
      },
      {
        path: '$.saved_reports[1].params.project_ids[1]',
        message: expect.stringMatching(/^Invalid 'project_ids\[1\]' value, .* \(as a detailed report's CSV and XLSX exports take it\)$/),
      },
      {
        path: '$.saved_reports[2].params.end_date',
        message: "Invalid 'end_date' value, must not be before 'start_date' (as a summary report's CSV and XLSX exports take it)",
      },
      {
        path: '$.saved_reports[3].params.date_format',
        message: expect.stringMatching(/^Invalid 'date_format' value, .* \(as a weekly report's PDF export takes it\)$/),
      },
    ]);
  });

  it(`list at most ${MAX_PROBLEMS} problems, and say that the check stopped only when it left some out`, async () => {
    const bad = (count: number) =>
      dataset(Array.from({ length: count }, (_, index) => ({ token: `t${index}`, report: 'detailed', params: { start_date: index } })));
    const cut = await refusal(bad(MAX_PROBLEMS + 1));
    expect(cut.problems.map(({ path }) => path)).toEqual(
      Array.from({ length: MAX_PROBLEMS }, (_, index) => `$.saved_reports[${index}].params.start_date`),
    );
    expect(cut.message).toContain(`(the check stops after ${MAX_PROBLEMS} problems)`);
    const all = await refusal(bad(MAX_PROBLEMS));
    expect(all.problems).toHaveLength(MAX_PROBLEMS);
    expect(all.message).not.toContain('the check stops');
  });
});
