import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { SAMPLE_LANGUAGES, withCodeSamples } from './code-samples.ts';
import { redocly } from './redocly.ts';
import { bundledSpecJson, redoclyConfig } from './repo-paths.ts';
import { withoutWorkbookExamples } from './workbook-examples.ts';

/**
 * The spec as the docs render it: the bundled spec with a cURL, a TypeScript and a Python sample
 * on every operation (`x-codeSamples`). The published spec (`@toggl-exports/openapi`) stays
 * without them: they show this project's client and a shell, not facts about Toggl's API. Its
 * example workbooks are left out: a page of zip bytes tells a reader nothing.
 */
export async function docsSpec(spec = bundledSpecJson): Promise<Record<string, unknown>> {
  return withCodeSamples(withoutWorkbookExamples(JSON.parse(await readFile(spec, 'utf8'))));
}

/**
 * The repository's Redocly config with the docs' options added: the code sample languages, in
 * the samples' order, so that Redoc offers exactly those (it shows only the languages its config
 * lists, and by default no TypeScript).
 */
export async function docsConfig(): Promise<string> {
  const config = parse(await readFile(redoclyConfig, 'utf8')) as Record<string, any>;
  config['openapi'] = {
    ...config['openapi'],
    codeSamples: { languages: SAMPLE_LANGUAGES.map(({ label, lang }) => ({ lang, label })) },
  };
  return stringify(config);
}

/** Renders the bundled spec, with its code samples, to one self-contained HTML page (Redoc inlined, no CDN). */
export async function buildDocs(outFile: string, spec = bundledSpecJson): Promise<string> {
  await mkdir(path.dirname(outFile), { recursive: true });
  const dir = await mkdtemp(path.join(tmpdir(), 'toggl-exports-docs-spec-'));
  try {
    const [specFile, configFile] = [path.join(dir, 'openapi.json'), path.join(dir, 'redocly.yaml')];
    await writeFile(specFile, `${JSON.stringify(await docsSpec(spec), null, 2)}\n`);
    await writeFile(configFile, await docsConfig());
    const title = 'Toggl Track Report Exports API';
    await redocly(['build-docs', specFile, '--inlineBundle', '--output', outFile, '--title', title], configFile);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return outFile;
}
