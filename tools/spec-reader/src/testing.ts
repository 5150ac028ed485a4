/*
 * Specs to test spec readers with (this package's, and the generators' in scripts/): exported as
 * `@toggl-exports/spec-reader/testing`, apart from what the generators themselves import.
 */
import { readFileSync } from 'node:fs';
import { MEDIA_TYPES } from './formats.ts';

export type Json = Record<string, any>;

/*
 * The spec package's files, read by path (the same from src/ and from dist/): the spec package's
 * tests use this package, so a dependency on it would be a cycle. turbo.json lists both files
 * among the test inputs of this package and of scripts/.
 */
const specPackageFile = (file: string) => readFileSync(new URL(`../../../packages/openapi/${file}`, import.meta.url), 'utf8');

/** A fresh copy of the bundled spec (`packages/openapi/openapi.json`), free to change. */
export const bundledSpec = (): Json => JSON.parse(specPackageFile('openapi.json'));

/** The export endpoints as Toggl documents them, kept apart from the spec on purpose (packages/openapi/test/seed-endpoints.json). */
export const seedEndpoints = (): { operationId: string; path: string; responseMediaTypes: string[] }[] =>
  JSON.parse(specPackageFile('test/seed-endpoints.json')).endpoints;

export const extensionParameter = (values: unknown[]): Json => ({
  name: 'extension',
  in: 'path',
  required: true,
  schema: { type: 'string', enum: values },
});

/** A minimal spec with one export, to change one thing at a time. Its extension enum lists xlsx before csv. */
export function tinySpec(operation: Json = {}, path = '/things/{thing_id}.{extension}'): Json {
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
            { name: 'thing_id', in: 'path', required: true, schema: { type: 'integer' }, example: 42 },
            { $ref: '#/components/parameters/extension' },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object' }, example: { since: '2026-10-01' } } },
          },
          responses: { 200: { $ref: '#/components/responses/File' } },
          ...operation,
        },
      },
    },
    components: {
      parameters: { extension: extensionParameter(['xlsx', 'csv']) },
      responses: {
        File: {
          description: 'file',
          content: {
            [MEDIA_TYPES.xlsx]: { schema: { type: 'string' } },
            [MEDIA_TYPES.csv]: { schema: { type: 'string' } },
          },
        },
      },
    },
  };
}
