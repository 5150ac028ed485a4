import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { EXPECTATIONS, type ToolId } from '../src/expectations.ts';
import { renderTable } from '../src/table.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The packed @toggl-exports/openapi, extracted: `openapi.yaml` and `openapi.json` in it. */
    specDir: string;
    /** A scratch folder for this run: each tool's generated client and program, and each test file's verdicts. */
    workDir: string;
  }
}

const run = promisify(execFile);
const openapiDir = fileURLToPath(new URL('../../../packages/openapi/', import.meta.url));

/** Packs @toggl-exports/openapi as `pnpm publish` would and extracts the tarball: the tools get what users get. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'toggl-exports-compat-'));
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', workDir], { cwd: openapiDir });
  const { filename } = JSON.parse(stdout) as { filename: string };
  await run('tar', ['-xzf', path.resolve(workDir, filename), '-C', workDir]);
  await mkdir(path.join(workDir, 'verdicts'));
  project.provide('specDir', path.join(workDir, 'package'));
  project.provide('workDir', workDir);
  return async () => {
    // Each test file wrote its tools' measured verdicts; print them as the README's table.
    const measured: Partial<Record<ToolId, string>> = {};
    for (const file of await readdir(path.join(workDir, 'verdicts'))) {
      Object.assign(measured, JSON.parse(await readFile(path.join(workDir, 'verdicts', file), 'utf8')));
    }
    const missing = (Object.keys(EXPECTATIONS) as ToolId[]).filter((tool) => !(tool in measured));
    console.log(`\nMeasured verdicts (packages/openapi/README.md has the expected ones):\n\n${renderTable(measured)}\n`);
    if (missing.length > 0) console.log(`(not measured in this run, shown as expected: ${missing.join(', ')})\n`);
    await rm(workDir, { recursive: true, force: true });
  };
}
