import { readFileSync } from 'node:fs';

export type Json = Record<string, any>;

/*
 * The spec package's files, read by path: the spec package's tests use this one, so a dependency
 * on it would be a cycle. turbo.json lists both files among this package's test inputs.
 */

/** A fresh copy of the bundled spec (`packages/openapi/openapi.json`), free to change. */
export const bundledSpec = (): Json => JSON.parse(readFileSync(new URL('../../../packages/openapi/openapi.json', import.meta.url), 'utf8'));

/** The export endpoints as Toggl documents them, kept apart from the spec on purpose (packages/openapi/test/seed-endpoints.json). */
export const seedEndpoints = (): { operationId: string; path: string; responseMediaTypes: string[] }[] =>
  JSON.parse(readFileSync(new URL('../../../packages/openapi/test/seed-endpoints.json', import.meta.url), 'utf8')).endpoints;

export { extensionParameter, tinySpec } from '../src/testing.ts';
