import { bundledSpec } from '@toggl-exports/spec-reader/testing';
import { describe, expect, it } from 'vitest';
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

const byPath = (files: ReturnType<typeof mockServerFiles>) => new Map(files.map((file) => [file.path, file.contents]));
const json = (contents: string | Uint8Array | undefined) => JSON.parse(String(contents));

describe('mockServerFiles', () => {
  const files = byPath(mockServerFiles(smallSpec()));
  const spec = json(files.get('packages/mock-server/generated/openapi.json'));

  it('writes only the spec copy: the files themselves are computed per request', () => {
    expect([...files.keys()]).toEqual(['packages/mock-server/generated/openapi.json']);
  });

  it('keeps the 200 responses as the spec has them, without sample examples', () => {
    expect(spec.paths['/reports/{ws}/search.{extension}'].post.responses['200']).toEqual({ $ref: '#/components/responses/CsvOrXlsx' });
    expect(spec.components.responses.CsvOrXlsx.content[csv].examples).toBeUndefined();
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

  it('closes a composed body the operation takes by $ref too', () => {
    const byRef: Record<string, any> = smallSpec();
    const post = byRef.paths['/reports/{ws}/search.{extension}'].post;
    byRef.components.requestBodies = { Detailed: post.requestBody };
    post.requestBody = { $ref: '#/components/requestBodies/Detailed' };
    const closed = json(byPath(mockServerFiles(byRef)).get('packages/mock-server/generated/openapi.json'));
    expect(closed.components.requestBodies.Detailed.content['application/json'].schema).toMatchObject({ additionalProperties: false });
  });

  it('marks the spec as generated and leaves the input document alone', () => {
    expect(Object.keys(spec)[0]).toBe('x-generated');
    const input = smallSpec();
    mockServerFiles(input);
    expect(input).toEqual(smallSpec());
  });

  it('is deterministic', () => {
    expect(mockServerFiles(smallSpec())).toEqual(mockServerFiles(smallSpec()));
  });

  it('refuses to merge body parts that would lose a constraint', () => {
    const spec = smallSpec();
    (spec.components.schemas.Options as Record<string, unknown>).required = ['grouped'];
    expect(() => mockServerFiles(spec)).toThrow('it uses required');
    const conflicting = smallSpec();
    conflicting.components.schemas.Options.properties = { start_date: { type: 'integer' } } as never;
    expect(() => mockServerFiles(conflicting)).toThrow("define 'start_date' differently");
  });
});

describe('the mock spec of nullable ID lists', () => {
  it('gives the validator anyOf [integer, null] as one schema of type [integer, null]', () => {
    const [file] = mockServerFiles(bundledSpec());
    const spec = JSON.parse(String(file?.contents));
    expect(spec.components.schemas.NullableIdList.items).toEqual({ type: ['integer', 'null'], format: 'int64', minimum: 1 });
  });
});
