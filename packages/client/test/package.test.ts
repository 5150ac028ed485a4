// Checks the built package (dist/, made by `pnpm build`) the way users load it.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(packageDir, 'dist');

/** Runs a script with plain Node from the package folder, where `@toggl-exports/client` resolves to itself. */
async function runNode(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: packageDir });
  return stdout.trim();
}

/** Every module specifier a built file imports or requires, following relative ones. */
async function importsOf(file: string, seen = new Set<string>()): Promise<Set<string>> {
  const code = await readFile(path.join(dist, file), 'utf8');
  const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map(
    (match) => match[1] as string,
  );
  for (const specifier of specifiers) {
    if (specifier.startsWith('./')) {
      if (!seen.has(specifier)) {
        seen.add(specifier);
        await importsOf(specifier.slice(2), seen);
      }
    } else {
      seen.add(specifier);
    }
  }
  return seen;
}

/** Starts a tiny server, exports a weekly CSV through the main entry and once more through the raw entry, and prints what came back. */
const roundTrip = (load: string) => `
  const http = ${load.includes('require') ? "require('node:http')" : "await import('node:http')"};
  ${load}
  const server = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end('user,hours\\n'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = main.createTogglExportsClient({ apiToken: 't' }, { baseUrl: 'http://127.0.0.1:' + server.address().port });
  const file = await client.exportWeeklyReportCsv({ workspaceId: 1, body: { start_date: '2026-10-05' } });
  const error = await client.exportWeeklyReportCsv({ workspaceId: 1 }).catch((e) => e);
  const rawCall = await raw.rawClient(client).POST('/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.csv', {
    params: { path: { workspace_id: 1 } },
    body: { start_date: '2026-10-05' },
    parseAs: 'text',
  });
  console.log(JSON.stringify({
    text: await file.text(),
    rawText: rawCall.data,
    filename: file.filename,
    sameErrorClass: main.TogglApiError === node.TogglApiError && main.ExportFile === node.ExportFile,
    nodeFileIsExportFile: node.NodeExportFile.prototype instanceof main.ExportFile,
    argumentError: error.message,
  }));
  server.close();
`;

const expected = {
  text: 'user,hours\n',
  rawText: 'user,hours\n',
  filename: 'weekly-report.csv',
  sameErrorClass: true,
  nodeFileIsExportFile: true,
  argumentError: 'exportWeeklyReportCsv() body is missing; pass the report settings as an object.',
};

// Each test starts Node or reads the build; the limit only guards against a hang on a busy machine.
describe('built package', { timeout: 60_000 }, () => {
  it('works through import (ESM), the entries sharing one set of classes and clients', async () => {
    const script = roundTrip(
      "const main = await import('@toggl-exports/client'); const node = await import('@toggl-exports/client/node'); const raw = await import('@toggl-exports/client/raw');",
    );
    expect(JSON.parse(await runNode(['--input-type=module', '-e', script]))).toEqual(expected);
  });

  it('works through require (CJS), the entries sharing one set of classes and clients', async () => {
    const script = `(async () => { ${roundTrip(
      "const main = require('@toggl-exports/client'); const node = require('@toggl-exports/client/node'); const raw = require('@toggl-exports/client/raw');",
    )} })()`;
    expect(JSON.parse(await runNode(['--input-type=commonjs', '-e', script]))).toEqual(expected);
  });

  it.each(['index.js', 'index.cjs'])(
    'main entry %s imports nothing, not even openapi-fetch, so it runs in browsers, Deno and Bun',
    async (file) => {
      const external = [...(await importsOf(file))].filter((specifier) => !specifier.startsWith('./'));
      expect(external).toEqual([]);
    },
  );

  it.each(['raw.js', 'raw.cjs'])('raw entry %s imports openapi-fetch and nothing Node-only', async (file) => {
    const external = [...(await importsOf(file))].filter((specifier) => !specifier.startsWith('./'));
    expect(external).toEqual(['openapi-fetch']);
  });

  it.each(['node.js', 'node.cjs'])('node entry %s imports Node built-ins with the node: prefix', async (file) => {
    const external = [...(await importsOf(file))].filter((specifier) => !specifier.startsWith('./'));
    expect(external.sort()).toEqual(['node:fs/promises', 'node:path', 'node:stream', 'node:stream/promises']);
  });

  it('declares types first in every export condition', async () => {
    const manifest = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
    for (const entry of ['.', './node', './raw']) {
      for (const condition of ['import', 'require']) {
        expect(Object.keys(manifest.exports[entry][condition])).toEqual(['types', 'default']);
      }
    }
  });
});
