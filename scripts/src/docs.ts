import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { redocly } from './redocly.ts';
import { bundledSpecJson } from './repo-paths.ts';

/** Renders the bundled spec to one self-contained HTML page (Redoc inlined, no CDN). */
export async function buildDocs(outFile: string, spec = bundledSpecJson): Promise<string> {
  await mkdir(path.dirname(outFile), { recursive: true });
  await redocly(['build-docs', spec, '--inlineBundle', '--output', outFile, '--title', 'Toggl Track Report Exports API']);
  return outFile;
}
