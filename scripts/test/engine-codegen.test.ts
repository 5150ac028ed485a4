import { bundledSpec } from '@toggl-exports/spec-reader/testing';
import { describe, expect, it } from 'vitest';
import { bodyDefaults, bodySchemas, renderBodyValidatorsModule, standaloneSchema, workspaceIdSchema } from '../src/engine-codegen.ts';

describe('bodyDefaults', () => {
  it('reads each default where the spec keeps it, behind the $ref of the field (so openapi-typescript keeps the field optional)', () => {
    const defaults = bodyDefaults(bundledSpec());
    expect(defaults.exportDetailedReport).toMatchObject({
      duration_format: 'classic',
      enrich_response: false,
      grouped: false,
      hide_amounts: false,
      order_by: 'date',
      page_size: 50,
    });
    expect(defaults.exportSummaryReport).toMatchObject({
      audit: { show_empty_groups: false, show_tracked_groups: true },
      grouping: 'projects',
      sub_grouping: 'time_entries',
      collapse: false,
      distinguish_rates: false,
      hide_rates: false,
      include_time_entry_ids: false,
      order_by: 'title',
    });
  });
});

describe('bodySchemas', () => {
  const schemas = bodySchemas(bundledSpec());

  it('holds the workspace exports, each standing alone: no $ref and no annotation left', () => {
    expect(Object.keys(schemas)).not.toContain('exportSavedReportCsv');
    expect(Object.keys(schemas)).toContain('exportSummaryReport');
    const text = JSON.stringify(schemas);
    expect(text).not.toContain('"$ref"');
    expect(text).not.toMatch(/"(example|default)":/);
  });

  it('keeps a field whose name is an annotation keyword (the body field `description`)', () => {
    const [filters] = (schemas['exportDetailedReport'] as { allOf: { properties: Record<string, unknown> }[] }).allOf;
    expect(filters?.properties['description']).toEqual({ type: 'string' });
  });
});

describe('standaloneSchema', () => {
  const document = {
    openapi: '3.1.0',
    components: { schemas: { Id: { type: 'integer', description: 'An ID' }, Loop: { $ref: '#/components/schemas/Loop' } } },
  };

  it('writes a $ref out, leaving the annotations beside it out', () => {
    expect(standaloneSchema(document, { $ref: '#/components/schemas/Id', description: 'The project' }, 'test')).toEqual({
      type: 'integer',
    });
  });

  it('refuses a keyword beside a $ref that would change what the schema allows', () => {
    expect(() => standaloneSchema(document, { $ref: '#/components/schemas/Id', minimum: 1 }, 'test')).toThrow(/minimum beside a \$ref/);
  });

  it('refuses a schema that refers to itself', () => {
    expect(() => standaloneSchema(document, { properties: { next: { $ref: '#/components/schemas/Loop' } } }, 'test')).toThrow();
  });
});

describe('renderBodyValidatorsModule', () => {
  it("exports a validator per operation, needing nothing at run time but the formats' checks", () => {
    const schemas = bodySchemas(bundledSpec());
    const module = renderBodyValidatorsModule(schemas);
    // The module is a few hundred kilobytes on few lines: asserted as booleans, so that a failure does not print it.
    const exported = [...module.matchAll(/export const (\w+) = validate\d+;/g)].map(([, name]) => name);
    expect(exported.sort()).toEqual(Object.keys(schemas).sort());
    expect(module.match(/^import .*$/gm)).toEqual(["import { bodyFormats } from '../request/body-formats.ts';"]);
    expect(module.includes('require(')).toBe(false);
    expect(module.includes('bodyFormats.date')).toBe(true);
  });

  it('refuses a schema whose validator would need more of ajv at run time (maxLength counts code points with a helper)', () => {
    expect(() => renderBodyValidatorsModule({ exportTest: { type: 'string', maxLength: 3 } })).toThrow(
      /need "ajv\/dist\/runtime\/ucs2length"/,
    );
  });
});

describe('workspaceIdSchema', () => {
  it("is the workspace_id path parameter's schema, which every workspace export shares", () => {
    expect(workspaceIdSchema(bundledSpec())).toEqual({ type: 'integer', format: 'int64', minimum: 1 });
  });

  it('refuses exports that take different workspace IDs', () => {
    const spec = bundledSpec();
    const pdfPath = '/reports/api/v3/workspace/{workspace_id}/search/time_entries.pdf';
    const operation = Object.values(spec.paths[pdfPath] as Record<string, { parameters: Record<string, unknown>[] }>)[0]!;
    const index = operation.parameters.findIndex((parameter) => parameter['$ref'] === '#/components/parameters/workspace_id');
    expect(index).toBeGreaterThanOrEqual(0);
    operation.parameters[index] = { name: 'workspace_id', in: 'path', required: true, schema: { type: 'integer', minimum: 0 } };
    expect(() => workspaceIdSchema(spec)).toThrow(/takes another workspace_id than/);
  });
});
