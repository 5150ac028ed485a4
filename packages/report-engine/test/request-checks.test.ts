// Requests the spec refuses get invalid_request naming the field, what is wrong and what is allowed; none throws.
import { describe, expect, it } from 'vitest';
import { builtInData, type ExportRequest, exportReport, type WorkspaceExportId } from '../src/index.ts';

const WORKSPACE_ID = 1234567;

const request = (operationId: WorkspaceExportId, body: unknown, format: ExportRequest['format'] = 'csv'): ExportRequest => ({
  operationId,
  format,
  workspaceId: WORKSPACE_ID,
  ...(body === undefined ? {} : { body: body as NonNullable<ExportRequest['body']> }),
  today: '2026-10-15',
});

describe('the types', () => {
  it("type a request's body by its operation, so that TypeScript refuses what the checks would", async () => {
    const summary = { operationId: 'exportSummaryReport', format: 'csv', workspaceId: WORKSPACE_ID } as const;
    // @ts-expect-error: grouping takes projects, users or clients
    const badValue = await exportReport(builtInData, { ...summary, body: { grouping: 'tasks' } });
    // @ts-expect-error: page_size is a field of the detailed report's body, not the summary's
    const otherReports = await exportReport(builtInData, { ...summary, body: { page_size: 5 } });
    expect([badValue, otherReports]).toMatchObject([
      { ok: false, field: 'grouping' },
      { ok: false, field: 'page_size' },
    ]);
    expect(await exportReport(builtInData, { ...summary, body: { grouping: 'users', sub_grouping: 'projects' } })).toMatchObject({
      ok: true,
    });
  });
});

describe('the operation and the format must be known', () => {
  it.each([['exportTimesheet'], ['constructor'], ['__proto__'], [42], [undefined]])('operationId %j', async (operationId) => {
    const outcome = await exportReport(builtInData, {
      ...request('exportDetailedReport', {}),
      operationId: operationId as WorkspaceExportId,
    });
    expect(outcome).toEqual({
      ok: false,
      reason: 'invalid_request',
      message: `operationId must be one of exportDetailedReport, exportDetailedReportPdf, exportSummaryReport, exportSummaryReportPdf, exportWeeklyReportCsv, exportWeeklyReportPdf, exportProfitabilityEmployees, exportProfitabilityProjects, exportProjectTrends; got ${operationId === undefined ? 'undefined' : JSON.stringify(operationId)}`,
    });
  });

  it.each([['docx'], ['CSV'], [null]])('format %j', async (format) => {
    const outcome = await exportReport(builtInData, request('exportDetailedReport', {}, format as never));
    expect(outcome).toEqual({
      ok: false,
      reason: 'invalid_request',
      message: `format must be one of csv, xlsx, pdf; got ${JSON.stringify(format)}`,
    });
  });
});

describe('the workspace, the day and the saved-report name must be what they say', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a workspace ID that is text', { workspaceId: '42' }, 'workspaceId must be a whole number from 1; got "42"'],
    ['a workspace ID below 1', { workspaceId: 0 }, 'workspaceId must be a whole number from 1; got 0'],
    [
      'a workspace ID past what JavaScript counts exactly',
      { workspaceId: 2 ** 53 },
      'workspaceId must be a whole number from 1; got 9007199254740992',
    ],
    ['a day that is not a date', { today: 'yesterday' }, 'today must be a date (YYYY-MM-DD); got "yesterday"'],
    ['a day that does not exist', { today: '2026-02-30' }, 'today must be a date (YYYY-MM-DD); got "2026-02-30"'],
    ['a day given as a number', { today: 20261201 }, 'today must be a date (YYYY-MM-DD); got 20261201'],
    ['a saved-report name that is not text', { savedName: 42 }, 'savedName must be a string; got 42'],
  ])('refuses %s', async (_, change, message) => {
    const outcome = await exportReport(builtInData, { ...request('exportDetailedReport', {}), ...change } as ExportRequest);
    expect(outcome).toEqual({ ok: false, reason: 'invalid_request', message });
  });
});

describe('the body must be valid for the operation by the spec', () => {
  it.each<[WorkspaceExportId, unknown, string | undefined, string]>([
    ['exportSummaryReport', { grouping: 'x' }, 'grouping', 'grouping must be one of projects, users, clients; got "x"'],
    ['exportSummaryReport', { start_date: '2025-13-01' }, 'start_date', 'start_date must be a date (YYYY-MM-DD); got "2025-13-01"'],
    ['exportDetailedReport', { start_date: '2026-02-30' }, 'start_date', 'start_date must be a date (YYYY-MM-DD); got "2026-02-30"'],
    ['exportDetailedReport', { end_date: 20261031 }, 'end_date', 'end_date must be a date (YYYY-MM-DD); got 20261031'],
    ['exportDetailedReport', { project_ids: [7001, 7002, '7'] }, 'project_ids[2]', 'project_ids[2] must be an integer or null; got "7"'],
    // The README's example.
    ['exportSummaryReport', { project_ids: [7001, '7002'] }, 'project_ids[1]', 'project_ids[1] must be an integer or null; got "7002"'],
    ['exportDetailedReport', { project_ids: [7001, 7002, 0] }, 'project_ids[2]', 'project_ids[2] must be at least 1; got 0'],
    ['exportDetailedReport', { user_ids: 'all' }, 'user_ids', 'user_ids must be an array; got "all"'],
    ['exportDetailedReport', { page_size: Number.NaN }, 'page_size', 'page_size must be an integer; got NaN'],
    ['exportDetailedReport', { billable: 'yes' }, 'billable', 'billable must be true or false; got "yes"'],
    [
      'exportSummaryReport',
      { audit: { group_filter: { min_amount_cents: -1 } } },
      'audit.group_filter.min_amount_cents',
      'audit.group_filter.min_amount_cents must be at least 0; got -1',
    ],
    [
      'exportSummaryReport',
      { audit: { colour: 'red' } },
      'audit.colour',
      'audit.colour is not a field of audit; its fields are group_filter, show_empty_groups, show_tracked_groups',
    ],
    ['exportSummaryReport', { audit: [] }, 'audit', 'audit must be a JSON object; got an array'],
    [
      'exportProjectTrends',
      { previous_period_start: 'last month' },
      'previous_period_start',
      'previous_period_start must be a date (YYYY-MM-DD); got "last month"',
    ],
    [
      'exportWeeklyReportPdf',
      { date_format: 'D/M/Y' },
      'date_format',
      expect.stringMatching(/^date_format must be one of MM\/DD\/YYYY, .+; got "D\/M\/Y"$/),
    ],
    ['exportDetailedReport', [], undefined, 'the body must be a JSON object; got an array'],
    ['exportDetailedReport', null, undefined, 'the body must be a JSON object; got null'],
    ['exportDetailedReport', 'start_date=2026-10-01', undefined, 'the body must be a JSON object; got "start_date=2026-10-01"'],
  ])('%s %j', async (operationId, body, field, message) => {
    expect(await exportReport(builtInData, request(operationId, body))).toEqual({
      ok: false,
      reason: 'invalid_request',
      message,
      ...(field === undefined ? {} : { field }),
    });
  });

  it('refuses a field the body does not have, listing those it has', async () => {
    expect(await exportReport(builtInData, request('exportProjectTrends', { colour: 'red' }))).toEqual({
      ok: false,
      reason: 'invalid_request',
      message:
        "colour is not a field of this report's body; its fields are start_date, end_date, previous_period_start, billable, project_ids, rounding, rounding_minutes",
      field: 'colour',
    });
  });

  it("refuses a PDF's field in a CSV body", async () => {
    const outcome = await exportReport(builtInData, request('exportDetailedReport', { date_format: 'YYYY-MM-DD' }));
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid_request', field: 'date_format' });
    expect(outcome.ok || outcome.reason !== 'invalid_request' || outcome.message).toMatch(
      /^date_format is not a field of this report's body; /,
    );
  });

  it('reports one problem, the first', async () => {
    expect(
      await exportReport(builtInData, request('exportSummaryReport', { colour: 'red', grouping: 'x', sub_grouping: 'y' })),
    ).toMatchObject({ field: 'grouping' });
  });

  it('cuts a long value short in the message', async () => {
    const outcome = await exportReport(builtInData, request('exportSummaryReport', { grouping: 'x'.repeat(10_000) }));
    expect(outcome.ok || outcome.reason !== 'invalid_request' || outcome.message).toBe(
      `grouping must be one of projects, users, clients; got "${'x'.repeat(60)}…"`,
    );
  });

  it('checks the body before looking for the workspace', async () => {
    expect(await exportReport(builtInData, { ...request('exportSummaryReport', { grouping: 'x' }), workspaceId: 1 })).toMatchObject({
      reason: 'invalid_request',
      field: 'grouping',
    });
  });

  it('takes an empty or left-out body, which a saved report runs with', async () => {
    for (const body of [{}, undefined]) {
      expect(await exportReport(builtInData, request('exportDetailedReport', body)), JSON.stringify(body)).toMatchObject({ ok: true });
    }
  });
});
