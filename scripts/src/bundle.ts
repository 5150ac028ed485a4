import { bundle, loadConfig } from '@redocly/openapi-core';
import type { OpenApiDocument } from '@toggl-exports/spec-reader';
import { stringify } from 'yaml';
import { DO_NOT_EDIT, type GeneratedFile } from './generated-file.ts';
import { redoclyConfig, specEntry } from './repo-paths.ts';
import { withWorkbookExamples } from './workbook-examples.ts';

/** Resolves the split spec into one document, with every shared piece under `components` (Redocly's bundler, in process). */
export async function bundleSpec(entry = specEntry): Promise<OpenApiDocument> {
  const config = await loadConfig({ configPath: redoclyConfig });
  const { bundle: bundled, problems } = await bundle({ ref: entry, config });
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(`the spec does not bundle:\n${errors.map((problem) => `  ${problem.message}`).join('\n')}`);
  return bundled.parsed as OpenApiDocument;
}

/**
 * The published spec package's contents: the bundle as JSON and as YAML, with a workbook as the
 * example of each XLSX answer, so that a generic mock can send one (see workbook-examples.ts).
 */
export async function openApiPackageFiles(bundled: OpenApiDocument): Promise<GeneratedFile[]> {
  const document = await withWorkbookExamples(bundled);
  return [
    { path: 'packages/openapi/openapi.json', contents: `${JSON.stringify(document, null, 2)}\n` },
    { path: 'packages/openapi/openapi.yaml', contents: `# ${DO_NOT_EDIT}\n${stringify(document, { lineWidth: 0 })}` },
  ];
}
