import { describe, expect, it } from 'vitest';
import { exportCases } from '../src/export-cases.ts';
import { readExportOperations } from '../src/export-operations.ts';
import { bundledSpec, tinySpec } from '../src/testing.ts';

describe('exportCases', () => {
  it("gives each operation one case per format, with the path filled by the parameters' examples and the example body", () => {
    expect(exportCases(tinySpec())).toEqual([
      {
        operationId: 'exportThingReport',
        format: 'csv',
        mediaType: 'text/csv',
        path: '/things/42.csv',
        parameters: { thing_id: '42' },
        body: { since: '2026-10-01' },
        authOptional: false,
      },
      {
        operationId: 'exportThingReport',
        format: 'xlsx',
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        path: '/things/42.xlsx',
        parameters: { thing_id: '42' },
        body: { since: '2026-10-01' },
        authOptional: false,
      },
    ]);
  });

  it('marks operations that also answer without credentials, and leaves the body out where none is documented', () => {
    const [first] = exportCases(tinySpec({ security: [{ basicAuth: [] }, {}], requestBody: undefined }));
    expect(first).toMatchObject({ authOptional: true, body: undefined });
  });

  it("fills the path from the path item's parameters too, and takes the example of a $ref'd body", () => {
    const spec = tinySpec({
      parameters: [{ $ref: '#/components/parameters/extension' }],
      requestBody: { $ref: '#/components/requestBodies/Things' },
    });
    spec.paths['/things/{thing_id}.{extension}'].parameters = [{ name: 'thing_id', in: 'path', required: true, example: 9 }];
    spec.components.requestBodies = { Things: { content: { 'application/json': { example: { since: '2026-11-01' } } } } };
    expect(exportCases(spec).map(({ path, parameters, body }) => ({ path, parameters, body }))).toEqual([
      { path: '/things/9.csv', parameters: { thing_id: '9' }, body: { since: '2026-11-01' } },
      { path: '/things/9.xlsx', parameters: { thing_id: '9' }, body: { since: '2026-11-01' } },
    ]);
  });

  it('says which path parameter has no example to fill the path with', () => {
    const spec = tinySpec({
      parameters: [
        { name: 'thing_id', in: 'path', required: true, schema: { type: 'integer' } },
        { $ref: '#/components/parameters/extension' },
      ],
    });
    expect(() => exportCases(spec)).toThrow(
      'exportThingReport (POST /things/{thing_id}.{extension}): its path parameter "thing_id" has no example to fill the path with',
    );
  });

  it('covers every operation and format of the bundled spec, each path concrete', () => {
    const spec = bundledSpec();
    const cases = exportCases(spec);
    expect(cases.map(({ operationId, format }) => `${operationId} ${format}`)).toEqual(
      readExportOperations(spec).flatMap(({ operationId, formats }) => formats.map((format) => `${operationId} ${format}`)),
    );
    for (const { path } of cases) expect(path).not.toMatch(/[{}]/);
  });
});
