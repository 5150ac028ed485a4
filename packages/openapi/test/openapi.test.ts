import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deref, type Json, propertiesOf, readJson } from './openapi-document.ts';

const spec = readJson('../openapi.json');
const seed = readJson('./seed-endpoints.json').endpoints as SeedEndpoint[];

interface SeedEndpoint {
  operationId: string;
  method: string;
  path: string;
  pathParameters: string[];
  responseMediaTypes: string[];
  documentedStatuses: number[];
  requestFields: string[];
  nestedRequestFields?: Record<string, string[]>;
}

const operation = (endpoint: SeedEndpoint): Json => spec.paths[endpoint.path][endpoint.method];
const isSavedReport = (endpoint: SeedEndpoint) => endpoint.path.includes('/shared/');
const formatsOfResponse = (ok: Json) =>
  Object.keys(ok.content).map((type) => ({ 'text/csv': 'csv', 'application/pdf': 'pdf' })[type] ?? 'xlsx');
const formatsOf = (endpoint: SeedEndpoint) => endpoint.responseMediaTypes.map((type) => (type === 'text/csv' ? 'csv' : 'xlsx'));

describe('bundled spec', () => {
  it('is OpenAPI 3.1 and names the real API and the local mock as servers', () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.servers.map((server: Json) => server.url)).toEqual(['https://api.track.toggl.com', 'http://127.0.0.1:4010']);
  });

  it("has exactly the seed list's export operations, all POST", () => {
    const operations = Object.entries(spec.paths as Record<string, Json>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path} ${item[method].operationId}`),
    );
    const expected = seed.map((endpoint) => `POST ${endpoint.path} ${endpoint.operationId}`);
    expect(operations.sort()).toEqual(expected.sort());
  });

  it('names its JSON Schema dialect, so validators such as Prism apply 2020-12 (unevaluatedProperties)', () => {
    expect(spec.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('keeps every body field with a default optional under openapi-typescript defaults: the default sits behind a $ref', () => {
    const offenders: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) {
        for (const [index, item] of node.entries()) visit(item, `${where}[${index}]`);
      } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node as Json)) {
          if (key === 'properties')
            for (const [name, property] of Object.entries(value as Json)) if ('default' in property) offenders.push(`${where}.${name}`);
          visit(value, `${where}.${key}`);
        }
      }
    };
    visit(spec, '#');
    expect(offenders).toEqual([]);
  });

  it('ships the same document as JSON and as YAML', () => {
    const yaml = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8'));
    expect(yaml).toEqual(spec);
  });
});

describe.each(seed)('$operationId', (endpoint) => {
  const op = operation(endpoint);

  it('has a summary, a description and one tag', () => {
    expect(op.summary).toBeTruthy();
    expect(op.description.length).toBeGreaterThan(40);
    expect(op.tags).toHaveLength(1);
  });

  it('declares each path parameter with its type', () => {
    const parameters = (op.parameters as Json[]).map((parameter) => deref(spec, parameter));
    expect(parameters.map((parameter) => parameter.name)).toEqual(endpoint.pathParameters);
    for (const parameter of parameters) {
      expect(parameter).toMatchObject({ in: 'path', required: true });
      if (parameter.name === 'workspace_id') expect(parameter.schema.type).toBe('integer');
      if (parameter.name === 'report_token') expect(parameter.schema.type).toBe('string');
      if (parameter.name === 'extension') expect(parameter.schema.enum).toEqual(formatsOf(endpoint));
    }
  });

  it('answers 200 with the file in exactly the formats the path allows', () => {
    const ok = deref(spec, op.responses['200']);
    expect(Object.keys(ok.content)).toEqual(endpoint.responseMediaTypes);
    for (const media of Object.values(ok.content as Record<string, Json>)) {
      // Inline, not behind a $ref: generators such as orval only see `format: binary` there.
      expect(media.schema).toEqual({ type: 'string', format: 'binary' });
    }
    expect(ok.headers).toHaveProperty('Content-Disposition');
  });

  it('gives a generic mock (Prism) a plausible CSV and the file name of each format', () => {
    const ok = deref(spec, op.responses['200']);
    const csv = ok.content['text/csv'];
    if (csv) {
      const [header, ...rows] = (csv.example as string).trimEnd().split('\n');
      expect(header).toMatch(/^"[^"]+"(,"[^"]+")+$/);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.split('","')).toHaveLength(header!.split('","').length);
    }
    const pdf = ok.content['application/pdf'];
    if (pdf) expect(pdf.example).toMatch(/^%PDF-1\.\d\n[\s\S]*%%EOF\n$/);
    const disposition = ok.headers['Content-Disposition'];
    const names: string[] = disposition.examples
      ? Object.values(disposition.examples as Record<string, Json>).map((example) => example.value)
      : [disposition.example];
    const extensions = names.map((name) => /filename="TogglTrack_Report_[^"]+\.(\w+)"$/.exec(name)?.[1]);
    expect(extensions).toEqual(formatsOfResponse(ok));
  });

  it('documents every error status Toggl lists, plus 401, 402 and 429', () => {
    const statuses = Object.keys(op.responses).map(Number);
    const expected = new Set([...endpoint.documentedStatuses, 401, 402, 429]);
    expect(statuses.sort()).toEqual([...expected].sort());
  });

  it('sends every error as a JSON string with at least one named example', () => {
    for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
      if (status === '200') continue;
      const media = deref(spec, response).content['application/json'];
      expect(deref(spec, media.schema).type).toBe('string');
      const examples = Object.values(media.examples as Record<string, Json>).map((example) => deref(spec, example));
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(typeof example.value).toBe('string');
    }
  });

  it('puts Retry-After on 429 and the quota headers on 402', () => {
    expect(deref(spec, op.responses['429']).headers).toHaveProperty('Retry-After');
    expect(Object.keys(deref(spec, op.responses['402']).headers)).toEqual(['X-Toggl-Quota-Remaining', 'X-Toggl-Quota-Resets-In']);
  });

  it('takes a body with exactly the fields Toggl lists', () => {
    const media = op.requestBody.content['application/json'];
    const properties = propertiesOf(spec, media.schema);
    if (isSavedReport(endpoint)) {
      expect(deref(spec, media.schema)).toMatchObject({ type: 'object', additionalProperties: true });
      return;
    }
    expect(Object.keys(properties).sort()).toEqual(endpoint.requestFields);
    for (const [parent, fields] of Object.entries(endpoint.nestedRequestFields ?? {})) {
      const holder = parent === 'audit' ? properties : propertiesOf(spec, properties.audit!);
      expect(Object.keys(propertiesOf(spec, holder[parent]!)).sort()).toEqual(fields);
    }
  });

  it('has a request example', () => {
    expect(op.requestBody.content['application/json'].example).toBeTypeOf('object');
  });

  if (isSavedReport(endpoint)) {
    it('runs without credentials or body when the report is public', () => {
      expect(op.security).toEqual([{ basicAuth: [] }, {}]);
      expect(op.requestBody.required).toBe(false);
    });
  } else {
    it('needs credentials and a body', () => {
      expect(op.security ?? spec.security).toEqual([{ basicAuth: [] }]);
      expect(op.requestBody.required).toBe(true);
    });
  }
});

describe('field types', () => {
  const fieldsOf = (operationId: string) => {
    const endpoint = seed.find((candidate) => candidate.operationId === operationId)!;
    return propertiesOf(spec, operation(endpoint).requestBody.content['application/json'].schema);
  };
  const resolved = (operationId: string, field: string) => deref(spec, fieldsOf(operationId)[field]!);

  it('limits rounding_minutes to the documented steps on the reports, and leaves the insights open (DEVIATIONS.md)', () => {
    const withRounding = seed.filter((candidate) => candidate.requestFields.includes('rounding_minutes'));
    const reports = withRounding.filter((endpoint) => endpoint.path.startsWith('/reports/'));
    const insights = withRounding.filter((endpoint) => endpoint.path.startsWith('/insights/'));
    expect(reports.length + insights.length).toBe(withRounding.length);
    for (const endpoint of reports) {
      expect(resolved(endpoint.operationId, 'rounding_minutes').enum).toEqual([0, 1, 5, 6, 10, 12, 15, 30, 60, 240]);
    }
    expect(insights.map((endpoint) => endpoint.operationId).sort()).toEqual([
      'exportProfitabilityEmployees',
      'exportProfitabilityProjects',
      'exportProjectTrends',
    ]);
    for (const endpoint of insights) {
      const schema = resolved(endpoint.operationId, 'rounding_minutes');
      expect(schema.type).toBe('integer');
      expect(schema.enum).toBeUndefined();
    }
  });

  it('types dates as YYYY-MM-DD', () => {
    expect(resolved('exportDetailedReport', 'start_date')).toMatchObject({ type: 'string', format: 'date' });
    expect(resolved('exportProjectTrends', 'previous_period_start')).toMatchObject({ type: 'string', format: 'date' });
  });

  it('enumerates the documented value sets', () => {
    expect(resolved('exportDetailedReport', 'duration_format').enum).toEqual(['classic', 'decimal', 'improved']);
    expect(resolved('exportDetailedReport', 'order_by').enum).toEqual(['date', 'user', 'duration', 'description', 'last_update']);
    expect(resolved('exportSummaryReport', 'order_by').enum).toEqual(['title', 'duration']);
    expect(resolved('exportSummaryReport', 'order_dir').enum).toEqual(['ASC', 'DESC']);
    expect(resolved('exportWeeklyReportPdf', 'date_format').enum).toEqual([
      'MM/DD/YYYY',
      'DD-MM-YYYY',
      'MM-DD-YYYY',
      'YYYY-MM-DD',
      'DD/MM/YYYY',
      'DD.MM.YYYY',
    ]);
    expect(resolved('exportProfitabilityProjects', 'resolution').enum).toEqual(['day', 'week', 'month']);
  });

  it('enumerates the value sets Toggl gives, and leaves the others open (DEVIATIONS.md)', () => {
    expect(resolved('exportProfitabilityEmployees', 'resolution').enum).toEqual(['day', 'week', 'month', 'quarter']);
    expect(resolved('exportProfitabilityProjects', 'resolution').enum).toEqual(['day', 'week', 'month']);
    expect(resolved('exportSummaryReport', 'grouping')).toMatchObject({ enum: ['projects', 'users', 'clients'], default: 'projects' });
    expect(resolved('exportSummaryReport', 'sub_grouping')).toMatchObject({
      enum: ['time_entries', 'users', 'clients', 'projects', 'tasks'],
      default: 'time_entries',
    });
    expect(resolved('exportSummaryReportPdf', 'resolution').enum).toBeUndefined();
    expect(resolved('exportWeeklyReportCsv', 'grouping').enum).toBeUndefined();
  });

  it('lets [null] select records without a client, project, task or tag, as anyOf that generators type (number | null)[]', () => {
    const nullableId = { anyOf: [{ type: 'integer', format: 'int64', minimum: 1 }, { type: 'null' }] };
    for (const field of ['client_ids', 'project_ids', 'task_ids', 'tag_ids']) {
      expect(resolved('exportDetailedReport', field).items).toEqual(nullableId);
    }
    expect(resolved('exportProfitabilityProjects', 'client_ids').items).toEqual(nullableId);
    expect(resolved('exportDetailedReport', 'user_ids').items.type).toBe('integer');
  });

  it('types employee profitability group_ids and user_ids as integer lists (DEVIATIONS.md)', () => {
    expect(resolved('exportProfitabilityEmployees', 'group_ids').items.type).toBe('integer');
    expect(resolved('exportProfitabilityEmployees', 'user_ids').items.type).toBe('integer');
  });

  it('rejects unknown fields on workspace exports', () => {
    for (const endpoint of seed.filter((candidate) => !isSavedReport(candidate))) {
      const schema = deref(spec, operation(endpoint).requestBody.content['application/json'].schema);
      expect(schema.additionalProperties === false || schema.unevaluatedProperties === false).toBe(true);
    }
  });
});
