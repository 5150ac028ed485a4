import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { DO_NOT_EDIT, type GeneratedFile } from './generated-file.ts';
import { redocly } from './redocly.ts';
import { specEntry } from './repo-paths.ts';

export type OpenApiDocument = Record<string, unknown>;

/** Resolves the split spec into one document, with every shared piece under `components`. */
export async function bundleSpec(entry = specEntry): Promise<OpenApiDocument> {
  const dir = await mkdtemp(path.join(tmpdir(), 'toggl-exports-bundle-'));
  try {
    const out = path.join(dir, 'openapi.json');
    await redocly(['bundle', entry, '--output', out]);
    return JSON.parse(await readFile(out, 'utf8')) as OpenApiDocument;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The published spec package's contents: the bundle as JSON and as YAML. */
export function openApiPackageFiles(document: OpenApiDocument): GeneratedFile[] {
  return [
    { path: 'packages/openapi/openapi.json', contents: `${JSON.stringify(document, null, 2)}\n` },
    { path: 'packages/openapi/openapi.yaml', contents: `# ${DO_NOT_EDIT}\n${stringify(document, { lineWidth: 0 })}` },
  ];
}
