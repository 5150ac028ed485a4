import { readFileSync } from 'node:fs';

export type OpenApiDocument = Record<string, unknown>;

/**
 * The mock's copy of the spec, which `pnpm generate` writes to generated/openapi.json: the
 * bundled spec with each request body in the form Prism's validator enforces.
 */
export const readMockSpec = (): OpenApiDocument =>
  JSON.parse(readFileSync(new URL('../generated/openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;
