import { readFileSync } from 'node:fs';

/** The files `pnpm generate` writes for the mock: its spec copy and the sample files' bytes. */
const generatedDir = new URL('../generated/', import.meta.url);

export type OpenApiDocument = Record<string, unknown>;

export interface SampleFile {
  mediaType: string;
  filename: string;
  bytes: Buffer;
}

interface FixtureManifest {
  fixtures: { operationId: string; mediaType: string; filename: string; file: string }[];
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, generatedDir), 'utf8')) as T;

/** The mock's spec: the bundled spec with the sample files as 200 examples. */
export const readMockSpec = (): OpenApiDocument => readJson<OpenApiDocument>('openapi.json');

/** Every sample file, by operation ID and media type (see `sampleFileKey`). */
export function readSampleFiles(): Map<string, SampleFile> {
  const { fixtures } = readJson<FixtureManifest>('fixtures.json');
  return new Map(
    fixtures.map(({ operationId, mediaType, filename, file }) => [
      sampleFileKey(operationId, mediaType),
      { mediaType, filename, bytes: readFileSync(new URL(file, generatedDir)) },
    ]),
  );
}

export const sampleFileKey = (operationId: string, mediaType: string): string => `${operationId} ${mediaType}`;
