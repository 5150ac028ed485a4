import type { OpenApiDocument } from '@toggl-exports/spec-reader';
import { stringify } from 'yaml';
import { DO_NOT_EDIT, type GeneratedFile } from './generated-file.ts';
import { redocly } from './redocly.ts';
import { specEntry } from './repo-paths.ts';

/**
 * Resolves the split spec into one document, with every shared piece under `components`:
 * `redocly bundle` to standard output, by the same Redocly CLI that lints the spec and renders
 * the docs. (Its library, @redocly/openapi-core, is bundled inside the CLI; a separate copy
 * would be a second Redocly version to keep in step.) It fails on any error, such as a `$ref`
 * to nothing.
 */
export async function bundleSpec(entry = specEntry): Promise<OpenApiDocument> {
  return JSON.parse(await redocly(['bundle', entry, '--ext', 'json'])) as OpenApiDocument;
}

/** The published spec package's contents: the bundle as JSON and as YAML. */
export function openApiPackageFiles(document: OpenApiDocument): GeneratedFile[] {
  return [
    { path: 'packages/openapi/openapi.json', contents: `${JSON.stringify(document, null, 2)}\n` },
    { path: 'packages/openapi/openapi.yaml', contents: `# ${DO_NOT_EDIT}\n${stringify(document, { lineWidth: 0 })}` },
  ];
}
