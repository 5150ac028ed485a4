import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientPackageFiles, exportOperations, renderOperationsModule } from '../src/client-codegen.ts';
import { DO_NOT_EDIT } from '../src/generated-file.ts';
import { bundledSpecJson } from '../src/repo-paths.ts';

type Document = Record<string, any>;

const bundledSpec = (): Document => JSON.parse(readFileSync(bundledSpecJson, 'utf8'));

/** A minimal spec with one export, to change one thing at a time. */
function tinySpec(operation: Document = {}, path = '/things/{thing_id}.{extension}'): Document {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    security: [{ basicAuth: [] }],
    paths: {
      [path]: {
        post: {
          operationId: 'exportThingReport',
          summary: 'Export things',
          parameters: [
            { name: 'thing_id', in: 'path', required: true, schema: { type: 'integer' } },
            { $ref: '#/components/parameters/extension' },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
          responses: { 200: { $ref: '#/components/responses/File' } },
          ...operation,
        },
      },
    },
    components: {
      parameters: { extension: { name: 'extension', in: 'path', required: true, schema: { type: 'string', enum: ['xlsx', 'csv'] } } },
      responses: {
        File: {
          description: 'file',
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string' } },
          },
        },
      },
    },
  };
}

describe('exportOperations', () => {
  it('reads every export of the bundled spec, in spec order', () => {
    const rows = exportOperations(bundledSpec());
    expect(rows.map((row) => row.operationId)).toEqual([
      'exportDetailedReport',
      'exportDetailedReportPdf',
      'exportSummaryReport',
      'exportSummaryReportPdf',
      'exportWeeklyReportCsv',
      'exportWeeklyReportPdf',
      'exportSavedReportCsv',
      'exportSavedReportXlsx',
      'exportSavedReportPdf',
      'exportProfitabilityEmployees',
      'exportProfitabilityProjects',
      'exportProjectTrends',
    ]);
  });

  it('records formats, media types, auth, body and fallback file name of each', () => {
    const rows = Object.fromEntries(exportOperations(bundledSpec()).map((row) => [row.operationId, row]));
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
    const added = exportOperations(spec).find((row) => row.operationId === 'exportMonthlyReportPdf');
    expect(added).toMatchObject({
      path: '/reports/api/v3/workspace/{workspace_id}/monthly/time_entries.pdf',
      formats: { pdf: 'application/pdf' },
      fileName: 'monthly-report',
    });
    expect(renderOperationsModule(exportOperations(spec))).toContain('exportMonthlyReportPdf: {');
  });

  it('orders the formats of an {extension} path as its enum does', () => {
    expect(Object.keys(exportOperations(tinySpec())[0]?.formats ?? {})).toEqual(['xlsx', 'csv']);
  });

  it('treats an operation without security, or with an empty requirement, as open', () => {
    expect(exportOperations(tinySpec({ security: [] }))[0]?.authOptional).toBe(true);
    expect(exportOperations(tinySpec({ security: [{}, { basicAuth: [] }] }))[0]?.authOptional).toBe(true);
    expect(exportOperations(tinySpec())[0]?.authOptional).toBe(false);
  });

  it('reads an absent request body as not required', () => {
    expect(exportOperations(tinySpec({ requestBody: undefined }))[0]?.bodyRequired).toBe(false);
  });

  it.each([
    ['a media type it cannot name', tinySpec({ responses: { 200: { content: { 'application/zip': {} } } } }), /answers 200 with "application\/zip"; known file types are text\/csv/],
    [
      'extensions that do not match the response',
      tinySpec({ responses: { 200: { content: { 'text/csv': {} } } } }),
      /allows extensions \[xlsx, csv\] but its 200 response offers \[csv\]/,
    ],
    [
      'a fixed path with two file types',
      tinySpec({ parameters: [] }, '/things/report'),
      /has no \{extension\} in its path, so its 200 response must offer exactly one file type/,
    ],
    ['a non-camelCase operationId', tinySpec({ operationId: 'export-things' }), /needs a camelCase operationId/],
    ['a body that is not JSON', tinySpec({ requestBody: { content: { 'text/plain': {} } } }), /must take an application\/json body/],
    ['a dangling $ref', tinySpec({ responses: { 200: { $ref: '#/components/responses/Missing' } } }), /#\/components\/responses\/Missing/],
  ])('rejects %s with a clear message', (_, spec, message) => {
    expect(() => exportOperations(spec)).toThrow(message);
  });

  it('rejects a method other than POST', () => {
    const spec = tinySpec();
    const path = Object.keys(spec.paths)[0] as string;
    spec.paths[path] = { get: spec.paths[path].post };
    expect(() => exportOperations(spec)).toThrow(/GET \/things\/\{thing_id\}\.\{extension\} is not a POST/);
  });
});

describe('clientPackageFiles', () => {
  it('writes the types and the table into the client package, each with the do-not-edit header', async () => {
    const files = await clientPackageFiles(bundledSpec());
    expect(files.map((file) => file.path)).toEqual(['packages/client/src/generated/openapi.ts', 'packages/client/src/generated/operations.ts']);
    for (const file of files) expect(String(file.contents).startsWith(`// ${DO_NOT_EDIT}\n`)).toBe(true);
    const [types, table] = files.map((file) => String(file.contents));
    expect(types).toContain('export interface paths {');
    expect(types).toContain('exportDetailedReport: {');
    expect(table).toContain('export const exportOperations = {');
    expect(table).toContain('} as const;');
  });

  it('keeps request fields that have a default optional', async () => {
    const [types] = await clientPackageFiles(bundledSpec());
    expect(String(types?.contents)).toMatch(/page_size\?: number;/);
  });
});
