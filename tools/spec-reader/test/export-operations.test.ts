import { describe, expect, it } from 'vitest';
import { readExportOperations } from '../src/export-operations.ts';
import { formatOfMediaType } from '../src/formats.ts';
import { bundledSpec, extensionParameter, type Json, seedEndpoints, tinySpec } from '../src/testing.ts';

const csvOnly = { 200: { description: 'file', content: { 'text/csv': {} } } };

/** The tiny spec with its one operation moved to `path`, answering with `responses`. */
const at = (path: string, responses: Json = csvOnly) => tinySpec({ parameters: [], responses }, path);

describe('readExportOperations', () => {
  it('reads every export of the bundled spec with the formats Toggl documents for it', () => {
    const read = readExportOperations(bundledSpec()).map(({ operationId, formats }) => `${operationId} ${formats.join()}`);
    const documented = seedEndpoints().map(({ operationId, responseMediaTypes }) => {
      const formats = responseMediaTypes.map((mediaType) => formatOfMediaType(mediaType));
      return `${operationId} ${['csv', 'xlsx', 'pdf'].filter((format) => formats.includes(format as never)).join()}`;
    });
    expect(read.sort()).toEqual(documented.sort());
  });

  it('lists formats as csv, xlsx, pdf, whatever order the enum and the media types are in', () => {
    expect(readExportOperations(tinySpec())[0]?.formats).toEqual(['csv', 'xlsx']);
  });

  it('names the operation and hands over its object for the fields only one generator reads', () => {
    const [read] = readExportOperations(tinySpec());
    expect(read?.label).toBe('exportThingReport (POST /things/{thing_id}.{extension})');
    expect(read?.operation.summary).toBe('Export things');
  });

  it('finds the extension parameter on the path item too, and lets the operation override it', () => {
    const spec = tinySpec({ parameters: [] });
    const pathItem = spec.paths['/things/{thing_id}.{extension}'];
    pathItem.parameters = [extensionParameter(['csv'])];
    pathItem.post.responses = csvOnly;
    expect(readExportOperations(spec)[0]?.formats).toEqual(['csv']);
    pathItem.parameters = [extensionParameter(['pdf'])];
    pathItem.post.parameters = [extensionParameter(['csv'])];
    expect(readExportOperations(spec)[0]?.formats).toEqual(['csv']);
  });

  it("hands over the path item's parameters with the operation's, $refs followed, the operation's winning", () => {
    const ownThingId = { name: 'thing_id', in: 'path', required: true, schema: { type: 'integer' }, example: 7 };
    const spec = tinySpec({ parameters: [ownThingId] });
    spec.paths['/things/{thing_id}.{extension}'].parameters = [
      { name: 'thing_id', in: 'path', required: true, schema: { type: 'integer' }, example: 1 },
      { $ref: '#/components/parameters/extension' },
      { name: 'thing_id', in: 'query', schema: { type: 'string' } },
    ];
    expect(readExportOperations(spec)[0]?.parameters).toEqual([
      ownThingId,
      extensionParameter(['xlsx', 'csv']),
      { name: 'thing_id', in: 'query', schema: { type: 'string' } },
    ]);
  });

  it('follows a $ref to the request body, and hands over its JSON media type', () => {
    const body = { required: true, content: { 'application/json': { schema: { type: 'object' }, example: { since: '2026-11-01' } } } };
    const spec = tinySpec({ requestBody: { $ref: '#/components/requestBodies/Things' } });
    spec.components.requestBodies = { Things: body };
    const [read] = readExportOperations(spec);
    expect(read?.requestBody).toEqual(body);
    expect(read?.jsonBody).toEqual({ schema: { type: 'object' }, example: { since: '2026-11-01' } });
  });

  it('has neither body nor JSON media type for an operation that takes no body, or no JSON', () => {
    expect(readExportOperations(tinySpec({ requestBody: undefined }))[0]).toMatchObject({ requestBody: undefined, jsonBody: undefined });
    const textOnly = { content: { 'text/plain': { schema: { type: 'string' } } } };
    expect(readExportOperations(tinySpec({ requestBody: textOnly }))[0]).toMatchObject({ requestBody: textOnly, jsonBody: undefined });
  });

  it("marks an operation open when its own or the spec's security is empty or has an empty requirement", () => {
    const authOptional = (operation: Json, security?: Json[]) => {
      const spec = tinySpec(operation);
      if (security) spec.security = security;
      return readExportOperations(spec)[0]?.authOptional;
    };
    expect(authOptional({})).toBe(false);
    expect(authOptional({ security: [] })).toBe(true);
    expect(authOptional({ security: [{ basicAuth: [] }, {}] })).toBe(true);
    expect(authOptional({}, [{}])).toBe(true);
    expect(authOptional({ security: [{ basicAuth: [] }] }, [])).toBe(false);
  });

  it('reads the format of a fixed .csv, .xlsx, .pdf or /pdf suffix', () => {
    const only = (mediaType: string) => ({ 200: { description: 'file', content: { [mediaType]: {} } } });
    expect(readExportOperations(at('/things.csv'))[0]?.formats).toEqual(['csv']);
    expect(
      readExportOperations(at('/things.xlsx', only('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')))[0]?.formats,
    ).toEqual(['xlsx']);
    expect(readExportOperations(at('/things.pdf', only('application/pdf')))[0]?.formats).toEqual(['pdf']);
    expect(readExportOperations(at('/things/{thing_id}/pdf', only('application/pdf')))[0]?.formats).toEqual(['pdf']);
  });
});

describe('exportOperations: specs it rejects', () => {
  const getOnly = tinySpec();
  getOnly.paths['/things/{thing_id}.{extension}'] = { get: getOnly.paths['/things/{thing_id}.{extension}'].post };

  it.each<[string, Json, RegExp]>([
    ['a document without paths', { openapi: '3.1.0' }, /The spec has no "paths" object, so it declares no exports/],
    ['a method other than POST', getOnly, /GET \/things\/\{thing_id\}\.\{extension\} is not a POST; every export must be a POST/],
    [
      'an operation that is not an object',
      { paths: { '/things.csv': { post: 'export' } } },
      /POST \/things\.csv is not an operation object/,
    ],
    [
      'a missing operationId',
      tinySpec({ operationId: undefined }),
      /operationId is missing; it names the client's method, so it must be camelCase/,
    ],
    [
      'a non-camelCase operationId',
      tinySpec({ operationId: 'export-things' }),
      /operationId is "export-things"; .* must be camelCase \(a lower-case letter/,
    ],
    [
      'no 200 response',
      tinySpec({ responses: { 400: { description: 'bad' } } }),
      /exportThingReport \(POST .*\) has no 200 response, so it exports no file/,
    ],
    [
      'a 200 response without media types',
      tinySpec({ responses: { 200: { description: 'file' } } }),
      /its 200 response declares no media type \(allowed: text\/csv, /,
    ],
    [
      'a media type that is no export file type',
      tinySpec({ responses: { 200: { description: 'zip', content: { 'application/zip': {} } } } }),
      /its 200 response serves "application\/zip", which is not an export file type \(allowed: text\/csv, application\/vnd/,
    ],
    [
      'an {extension} path without an extension enum',
      tinySpec({ parameters: [{ name: 'thing_id', in: 'path', schema: { type: 'integer' } }] }),
      /the path ends in \.\{extension\} but no "extension" path parameter lists its values in an enum/,
    ],
    [
      'extension values that are no export format',
      tinySpec({ parameters: [extensionParameter(['csv', 'zip'])] }),
      /extension values \["zip"\] are not export formats \(allowed: csv, xlsx, pdf\)/,
    ],
    [
      'an extension value listed twice',
      tinySpec({ parameters: [extensionParameter(['xlsx', 'csv', 'xlsx'])] }),
      /the extension enum lists \["xlsx"\] more than once; each format must appear once/,
    ],
    [
      'extensions the 200 response does not serve',
      tinySpec({ responses: csvOnly }),
      /its 200 response serves \[csv\] but its path offers \[csv, xlsx\]; they must match/,
    ],
    ['a fixed suffix that disagrees with the media type', at('/things.pdf'), /its 200 response serves \[csv\] but its path offers \[pdf\]/],
    [
      'a fixed suffix with two file types',
      tinySpec({ parameters: [] }, '/things.csv'),
      /its 200 response serves \[csv, xlsx\] but its path offers \[csv\]/,
    ],
    [
      'a path without a format',
      at('/things/report'),
      /cannot tell the file format from the path; it must end in \.\{extension\}, \.csv, \.xlsx, \.pdf or \/pdf/,
    ],
    ['an {extension} that does not end the path', at('/things/{extension}/report'), /cannot tell the file format from the path/],
    [
      'a dangling $ref',
      tinySpec({ responses: { 200: { $ref: '#/components/responses/Missing' } } }),
      /\$ref "#\/components\/responses\/Missing" points to nothing/,
    ],
  ])('rejects %s with a clear message', (_, spec, message) => {
    expect(() => readExportOperations(spec)).toThrow(message);
  });
});
