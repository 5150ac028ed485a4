import { bundledSpec, tinySpec } from '@toggl-exports/spec-reader/testing';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { clientPackageFiles, operationRows, renderOperationsModule } from '../src/client-codegen.ts';
import { DO_NOT_EDIT } from '../src/generated-file.ts';
import { renderTypesModule } from '../src/types-codegen.ts';

describe('operationRows', () => {
  it('records formats, media types, auth, body and fallback file name of each', () => {
    const rows = Object.fromEntries(operationRows(bundledSpec()).map((row) => [row.operationId, row]));
    expect(rows.exportDetailedReport).toMatchObject({
      path: '/reports/api/v3/workspace/{workspace_id}/search/time_entries.{extension}',
      formats: { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      authOptional: false,
      bodyRequired: true,
      fileName: 'detailed-report',
    });
    expect(rows.exportSavedReportPdf).toMatchObject({
      path: '/reports/api/v3/shared/{report_token}/pdf',
      formats: { pdf: 'application/pdf' },
      authOptional: true,
      bodyRequired: false,
      fileName: 'saved-report',
    });
    expect(rows.exportWeeklyReportCsv?.formats).toEqual({ csv: 'text/csv' });
    expect(rows.exportProjectTrends?.fileName).toBe('project-trends');
  });

  it('turns a new endpoint in the spec into a new row, with nothing written by hand', () => {
    const spec = bundledSpec();
    spec.paths['/reports/api/v3/workspace/{workspace_id}/monthly/time_entries.pdf'] = {
      post: {
        ...spec.paths['/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.pdf'].post,
        operationId: 'exportMonthlyReportPdf',
        summary: 'Export the monthly report as PDF',
      },
    };
    const added = operationRows(spec).find((row) => row.operationId === 'exportMonthlyReportPdf');
    expect(added).toMatchObject({
      path: '/reports/api/v3/workspace/{workspace_id}/monthly/time_entries.pdf',
      formats: { pdf: 'application/pdf' },
      fileName: 'monthly-report',
    });
    expect(renderOperationsModule(operationRows(spec))).toContain('exportMonthlyReportPdf: {');
  });

  it("keys the formats csv, xlsx, pdf, like every generated file, not in the enum's order", () => {
    expect(Object.keys(operationRows(tinySpec())[0]?.formats ?? {})).toEqual(['csv', 'xlsx']);
  });

  it('treats an operation without security, or with an empty requirement, as open', () => {
    expect(operationRows(tinySpec({ security: [] }))[0]?.authOptional).toBe(true);
    expect(operationRows(tinySpec({ security: [{}, { basicAuth: [] }] }))[0]?.authOptional).toBe(true);
    expect(operationRows(tinySpec())[0]?.authOptional).toBe(false);
  });

  it("carries an operation's x-max-period-days into its row, and leaves it out where the spec has none", () => {
    const rows = operationRows(bundledSpec());
    expect(rows.map((row) => row.maxPeriodDays)).toEqual(rows.map(() => 366));
    expect(operationRows(tinySpec({ 'x-max-period-days': 31 }))[0]?.maxPeriodDays).toBe(31);
    expect(operationRows(tinySpec())[0]).not.toHaveProperty('maxPeriodDays');
  });

  it.each([0, 1.5, '366'])('rejects x-max-period-days %j with a clear message', (value) => {
    expect(() => operationRows(tinySpec({ 'x-max-period-days': value }))).toThrow(
      /x-max-period-days is .*; it must be a whole number of days above 0/,
    );
  });

  it('reads an absent request body as not required', () => {
    expect(operationRows(tinySpec({ requestBody: undefined }))[0]?.bodyRequired).toBe(false);
  });

  it.each([
    [
      'a body without application/json',
      { requestBody: { content: { 'text/plain': {} } } },
      /requestBody takes \[text\/plain\]; it must take application\/json/,
    ],
    ['a body without content', { requestBody: { required: true } }, /requestBody takes \[\]; it must take application\/json/],
    [
      'a dangling body $ref',
      { requestBody: { $ref: '#/components/requestBodies/Missing' } },
      /requestBody: \$ref "#\/components\/requestBodies\/Missing" points to nothing/,
    ],
  ])('rejects %s with a clear message', (_, operation, message) => {
    expect(() => operationRows(tinySpec(operation))).toThrow(message);
  });
});

describe('clientPackageFiles', () => {
  it('writes the types and the table into the client package, each with the do-not-edit header', async () => {
    const spec = bundledSpec();
    const files = clientPackageFiles(spec, await renderTypesModule(spec));
    expect(files.map((file) => file.path)).toEqual([
      'packages/client/src/generated/openapi.ts',
      'packages/client/src/generated/operations.ts',
    ]);
    for (const file of files) expect(String(file.contents).startsWith(`// ${DO_NOT_EDIT}\n`)).toBe(true);
    const [types, table] = files.map((file) => String(file.contents));
    expect(types).toContain('export interface paths {');
    expect(types).toContain('exportDetailedReport: {');
    expect(table).toContain('export const exportOperations = {');
    expect(table).toContain('} as const;');
  });
});

describe('renderTypesModule', () => {
  it('keeps request fields that have a default optional', async () => {
    const types = await renderTypesModule(bundledSpec());
    expect(types).toMatch(/page_size\?: components\["schemas"\]\["PageSize"\];/);
    expect(types).toMatch(/show_tracked_groups\?: components\["schemas"\]\["OnByDefault"\];/);
  });

  it("keeps them optional under openapi-typescript's own defaults too (defaultNonNullable), as users run it", async () => {
    const ast = await openapiTS(structuredClone(bundledSpec()) as unknown as OpenAPI3, { silent: true });
    const types = astToString(ast);
    for (const field of ['page_size', 'grouped', 'order_by', 'grouping', 'sub_grouping', 'collapse', 'show_tracked_groups'])
      expect(types).toMatch(new RegExp(`\\b${field}\\?:`));
    expect(types).not.toMatch(/\b(page_size|grouping|show_tracked_groups): /);
  });
});
