import { readFileSync } from 'node:fs';
import { bundledSpecJson } from '../src/repo-paths.ts';

export type Json = Record<string, any>;

/** A fresh copy of `packages/openapi/openapi.json`, free to change. */
export const bundledSpec = (): Json => JSON.parse(readFileSync(bundledSpecJson, 'utf8'));

/** The export endpoints as Toggl documents them, kept apart from the spec on purpose. */
export const seedEndpoints = (): { operationId: string }[] =>
  JSON.parse(readFileSync(new URL('../../packages/openapi/test/seed-endpoints.json', import.meta.url), 'utf8')).endpoints;

export { extensionParameter, tinySpec } from '@toggl-exports/spec-reader/testing';
