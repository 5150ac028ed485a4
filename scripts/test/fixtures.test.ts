import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderFixtures, type ExportFixture, type OpenApiDocument } from '../src/fixtures/index.ts';
import { OPERATION_REPORTS } from '../src/fixtures/operations.ts';
import { bundledFixtures } from './fixtures-support.ts';
import { bundledSpec, type Json } from './spec-support.ts';

/** `operationId mediaType` for every 200 media type of every operation, read straight from the spec. */
function declaredExports(spec: Json): string[] {
  const deref = (value: Json): Json =>
    value.$ref ? deref(value.$ref.slice(2).split('/').reduce((node: Json, key: string) => node[key], spec)) : value;
  return Object.values(spec.paths as Json).flatMap((pathItem: Json) =>
    Object.values(pathItem).flatMap((operation: Json) =>
      Object.keys(deref(operation.responses['200']).content).map((mediaType) => `${operation.operationId} ${mediaType}`),
    ),
  );
}

const byteMap = (fixtures: ExportFixture[]) => fixtures.map(({ operationId, format, bytes }) => ({ operationId, format, bytes: Buffer.from(bytes) }));

describe('renderFixtures: determinism', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('gives identical bytes on every run, whatever the clock and the time zone say', async () => {
    const reference = byteMap(await bundledFixtures());
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2039-10-11T23:59:58Z'));
    process.env.TZ = process.env.TZ === 'Pacific/Kiritimati' ? 'America/Los_Angeles' : 'Pacific/Kiritimati';
    const later = byteMap(await renderFixtures(bundledSpec()));
    expect(later.map(({ operationId, format }) => `${operationId} ${format}`)).toEqual(
      reference.map(({ operationId, format }) => `${operationId} ${format}`),
    );
    for (const [index, fixture] of later.entries()) {
      expect(fixture.bytes.equals(reference[index]?.bytes ?? Buffer.alloc(0)), `${fixture.operationId} ${fixture.format}`).toBe(true);
    }
  });
});

describe('renderFixtures: coverage of the spec', () => {
  it('renders exactly one fixture per operation and media type the spec declares', async () => {
    const fixtures = await bundledFixtures();
    const rendered = fixtures.map((fixture) => `${fixture.operationId} ${fixture.mediaType}`);
    expect([...rendered].sort()).toEqual(declaredExports(bundledSpec()).sort());
    expect(new Set(rendered).size).toBe(rendered.length);
  });

  it('names, types and starts each file as its format requires', async () => {
    const magic = { csv: 'User,', xlsx: 'PK\u0003\u0004', pdf: '%PDF-' };
    const mediaTypes = {
      csv: 'text/csv',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pdf: 'application/pdf',
    };
    const fixtures = await bundledFixtures();
    for (const fixture of fixtures) {
      expect(fixture.filename).toMatch(new RegExp(`^TogglTrack_[a-z_]+_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.${fixture.format}$`));
      expect(fixture.mediaType).toBe(mediaTypes[fixture.format]);
      if (fixture.format !== 'csv') expect(Buffer.from(fixture.bytes.subarray(0, 5)).toString('latin1')).toContain(magic[fixture.format]);
    }
    expect(new Set(fixtures.map((fixture) => fixture.filename)).size).toBe(fixtures.length);
  });

  it('keeps the operation map free of operations the spec does not have', () => {
    const operationIds = declaredExports(bundledSpec()).map((entry) => entry.split(' ')[0]);
    expect(Object.keys(OPERATION_REPORTS).filter((id) => !operationIds.includes(id))).toEqual([]);
  });

  it('follows the spec it is given: a spec with fewer exports gets fewer fixtures', async () => {
    const spec = bundledSpec();
    spec.paths = { '/reports/api/v3/shared/{report_token}/pdf': spec.paths['/reports/api/v3/shared/{report_token}/pdf'] };
    const fixtures = await renderFixtures(spec as OpenApiDocument);
    expect(fixtures.map(({ operationId, format }) => `${operationId} ${format}`)).toEqual(['exportSavedReportPdf pdf']);
  });
});

describe('renderFixtures: specs it cannot serve', () => {
  // What the spec itself may not say is rejected by exportOperations (spec-exports.test.ts).
  it('names an operation that has no sample report and where to add it', async () => {
    const spec = bundledSpec();
    spec.paths['/reports/api/v3/workspace/{workspace_id}/audit/time_entries.csv'] = {
      post: { operationId: 'exportAuditReport', responses: { 200: { $ref: '#/components/responses/CsvFile' } } },
    };
    await expect(renderFixtures(spec as OpenApiDocument)).rejects.toThrow(
      /No sample report for exportAuditReport \(POST \/reports\/api\/v3\/workspace\/\{workspace_id\}\/audit\/time_entries\.csv\); add it to OPERATION_REPORTS/,
    );
  });
});
