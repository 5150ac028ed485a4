import { describe, expect, it } from 'vitest';
import type { ExportFixture, ExportFormat } from '../src/fixtures/index.ts';
import { mockServerFiles } from '../src/mock-codegen.ts';

const csv = 'text/csv';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pdf = 'application/pdf';

/** A two-operation spec shaped like the real one: shared responses by $ref, a composed body. */
function smallSpec() {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/reports/{ws}/search.{extension}': {
        post: {
          operationId: 'exportDetailed',
          parameters: [{ name: 'extension', in: 'path', required: true, schema: { type: 'string', enum: ['csv', 'xlsx'] } }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/DetailedBody' } } },
          },
          responses: { '200': { $ref: '#/components/responses/CsvOrXlsx' }, '400': { description: 'bad' } },
        },
      },
      '/reports/shared/{token}/pdf': {
        post: { operationId: 'exportSavedPdf', responses: { '200': { $ref: '#/components/responses/Pdf' } } },
      },
    },
    components: {
      schemas: {
        Filters: { type: 'object', properties: { start_date: { type: 'string', format: 'date' } } },
        Options: { type: 'object', description: 'options', properties: { grouped: { type: 'boolean' } } },
        DetailedBody: {
          description: 'body',
          allOf: [{ $ref: '#/components/schemas/Filters' }, { $ref: '#/components/schemas/Options' }],
          minProperties: 1,
          unevaluatedProperties: false,
        },
        File: { type: 'string', format: 'binary' },
      },
      responses: {
        CsvOrXlsx: {
          description: 'file',
          headers: { 'Content-Disposition': { schema: { type: 'string' } } },
          content: { [csv]: { schema: { $ref: '#/components/schemas/File' } }, [xlsx]: { schema: { $ref: '#/components/schemas/File' } } },
        },
        Pdf: { description: 'file', content: { [pdf]: { schema: { $ref: '#/components/schemas/File' } } } },
      },
    },
  };
}

const fixture = (operationId: string, format: ExportFormat, mediaType: string, bytes: Uint8Array): ExportFixture => ({
  operationId,
  format,
  mediaType,
  filename: `${operationId}-sample.${format}`,
  bytes,
});

const csvBytes = new TextEncoder().encode('\uFEFFUser,Duration\r\nAda,"1:00:00"\r\n');
const xlsxBytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80]);
const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe2, 0xe3, 0xcf, 0xd3]);
const allFixtures = () => [
  fixture('exportDetailed', 'csv', csv, csvBytes),
  fixture('exportDetailed', 'xlsx', xlsx, xlsxBytes),
  fixture('exportSavedPdf', 'pdf', pdf, pdfBytes),
];

const byPath = (files: ReturnType<typeof mockServerFiles>) => new Map(files.map((file) => [file.path, file.contents]));
const json = (contents: string | Uint8Array | undefined) => JSON.parse(String(contents));

describe('mockServerFiles', () => {
  const files = byPath(mockServerFiles(smallSpec(), allFixtures()));
  const spec = json(files.get('packages/mock-server/generated/openapi.json'));

  it('writes each fixture byte for byte, beside the spec', () => {
    expect(files.get('packages/mock-server/generated/fixtures/exportDetailed.csv')).toEqual(csvBytes);
    expect(files.get('packages/mock-server/generated/fixtures/exportDetailed.xlsx')).toEqual(xlsxBytes);
    expect(files.get('packages/mock-server/generated/fixtures/exportSavedPdf.pdf')).toEqual(pdfBytes);
    expect(files.size).toBe(5);
  });

  it('gives each operation its own 200 response with its fixture as the example', () => {
    const detailed = spec.paths['/reports/{ws}/search.{extension}'].post.responses['200'];
    expect(detailed.headers).toEqual({ 'Content-Disposition': { schema: { type: 'string' } } });
    expect(detailed.content[csv].examples.SampleExport.value).toBe('\uFEFFUser,Duration\r\nAda,"1:00:00"\r\n');
    expect(detailed.content[xlsx].examples.SampleExport).toEqual({
      summary: 'Sample XLSX export (exportDetailed-sample.xlsx)',
      externalValue: 'fixtures/exportDetailed.xlsx',
    });
    const saved = spec.paths['/reports/shared/{token}/pdf'].post.responses['200'];
    expect(saved.content[pdf].examples.SampleExport.externalValue).toBe('fixtures/exportSavedPdf.pdf');
    // The shared component stays untouched: examples live in the operations' own copies.
    expect(spec.components.responses.CsvOrXlsx.content[csv].examples).toBeUndefined();
  });

  it('lists where the server finds every file and what to call it', () => {
    const manifest = json(files.get('packages/mock-server/generated/fixtures.json'));
    expect(manifest.$comment).toMatch(/Do not edit/);
    expect(manifest.fixtures).toEqual([
      { operationId: 'exportDetailed', mediaType: csv, filename: 'exportDetailed-sample.csv', file: 'fixtures/exportDetailed.csv' },
      { operationId: 'exportDetailed', mediaType: xlsx, filename: 'exportDetailed-sample.xlsx', file: 'fixtures/exportDetailed.xlsx' },
      { operationId: 'exportSavedPdf', mediaType: pdf, filename: 'exportSavedPdf-sample.pdf', file: 'fixtures/exportSavedPdf.pdf' },
    ]);
  });

  it('closes composed bodies with additionalProperties, which a draft-07 validator enforces', () => {
    const body = spec.paths['/reports/{ws}/search.{extension}'].post.requestBody.content['application/json'].schema;
    expect(body).toEqual({
      description: 'body',
      type: 'object',
      properties: { start_date: { type: 'string', format: 'date' }, grouped: { type: 'boolean' } },
      minProperties: 1,
      additionalProperties: false,
    });
  });

  it('marks the spec as generated and leaves the input document alone', () => {
    expect(Object.keys(spec)[0]).toBe('x-generated');
    const input = smallSpec();
    mockServerFiles(input, allFixtures());
    expect(input).toEqual(smallSpec());
  });

  it('points at the file instead when a text fixture is not valid UTF-8', () => {
    const latin1 = new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4a, 0x6f, 0x73, 0xe9, 0x0a]);
    const fixtures = [fixture('exportDetailed', 'csv', csv, latin1), ...allFixtures().slice(1)];
    const spec = json(byPath(mockServerFiles(smallSpec(), fixtures)).get('packages/mock-server/generated/openapi.json'));
    expect(spec.paths['/reports/{ws}/search.{extension}'].post.responses['200'].content[csv].examples.SampleExport).toEqual({
      summary: 'Sample CSV export (exportDetailed-sample.csv)',
      externalValue: 'fixtures/exportDetailed.csv',
    });
  });

  it('is deterministic', () => {
    expect(mockServerFiles(smallSpec(), allFixtures())).toEqual(mockServerFiles(smallSpec(), allFixtures()));
  });

  it('fails when an operation has no fixture for one of its formats, or a fixture has no operation', () => {
    expect(() => mockServerFiles(smallSpec(), allFixtures().slice(1))).toThrow('no fixture for exportDetailed text/csv');
    const extra = [...allFixtures(), fixture('exportWeekly', 'csv', csv, csvBytes)];
    expect(() => mockServerFiles(smallSpec(), extra)).toThrow('fixtures for unknown operations: exportWeekly text/csv');
  });

  it('refuses to merge body parts that would lose a constraint', () => {
    const spec = smallSpec();
    (spec.components.schemas.Options as Record<string, unknown>).required = ['grouped'];
    expect(() => mockServerFiles(spec, allFixtures())).toThrow('it uses required');
    const conflicting = smallSpec();
    conflicting.components.schemas.Options.properties = { start_date: { type: 'integer' } } as never;
    expect(() => mockServerFiles(conflicting, allFixtures())).toThrow("define 'start_date' differently");
  });
});
