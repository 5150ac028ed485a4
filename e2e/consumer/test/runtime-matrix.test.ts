// Consumer's-eye, on every runtime we claim: the packed client's main entry, loaded with `import`
// and with `require`, on each Node major we claim (nodeMajors), Bun 1 and Deno 2, downloading a
// CSV, an XLSX and a PDF from the packed mock server (its bin, on the Node running the tests); and
// the packed mock server's bin on every other Node major we claim sending the same files as on
// that Node. Every file is compared byte for byte with what the Node-run mock sends the test
// process for the same request.
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ExportOperationId } from '@toggl-exports/client';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { run } from './consumer-project.ts';
import {
  type Download,
  downloadFromTest,
  expectSameFile,
  type Mock,
  readSaved,
  type SavedFile,
  startMockBin,
  stopMock,
} from './packed-mock.ts';
import {
  bun,
  deno,
  fetchTimeoutMs,
  label,
  node,
  nodeMajors,
  type Runtime,
  reports,
  resolveRuntime,
  runningNodeMajor,
  runtimeEnv,
} from './runtimes.ts';

const dir = inject('consumerDir');
/** The three requests download-each.cjs makes, one in each format, read from the project's copy. */
const { downloads } = createRequire(path.join(dir, 'package.json'))('./download-each.cjs') as {
  downloads: { method: ExportOperationId; args: unknown }[];
};

/** A script on a runtime already fetched: a hang guard only. */
const scriptTimeoutMs = 120_000;
/** Fetching the runtime (on a cold cache), then running it. */
const testTimeoutMs = fetchTimeoutMs + scriptTimeoutMs;

/** Every mock this file starts, stopped at the end even if a test timed out while using one. */
const mocks: Promise<Mock>[] = [];
const startMock = (nodePath?: string) => {
  const started = startMockBin(dir, nodePath);
  mocks.push(started);
  return started;
};

let reference: Mock;
beforeAll(async () => {
  reference = await startMock();
});
afterAll(async () => {
  await Promise.all(mocks.map((started) => started.then(stopMock, () => undefined)));
});

/** What the reference mock sends the test process for each request, asked once and shared by every test. */
const expected = new Map<ExportOperationId, Promise<Download>>();
const expectedFor = (method: ExportOperationId, args: unknown) => {
  if (!expected.has(method)) expected.set(method, downloadFromTest(dir, reference.url, method, args));
  return expected.get(method)!;
};

interface RuntimeOutcome {
  entryFile: string;
  runtime: string;
  files: SavedFile[];
}

const systems = [
  { system: 'ES module', script: 'download.mjs', entry: 'client/dist/index.js' },
  { system: 'CommonJS', script: 'download.cjs', entry: 'client/dist/index.cjs' },
];
const clientRuntimes: Runtime[] = [...nodeMajors.map(node), bun(1), deno(2)];
/** The mock's bin on every Node we claim but the one running the tests, which runs the reference mock. */
const mockRuntimes: Runtime[] = nodeMajors.filter((major) => major !== runningNodeMajor).map(node);
const combinations = clientRuntimes.flatMap((runtime) => systems.map((system) => ({ ...system, runtime })));

// Each runtime is fetched once, on first use; the runtimes and module systems run side by side.
describe.concurrent('the packed client on every runtime it claims', () => {
  for (const { runtime, system, script, entry } of combinations) {
    it(`${label(runtime)}, ${system} (${script}): loads ${entry} and downloads a CSV, an XLSX and a PDF byte for byte as the mock serves them`, {
      timeout: testTimeoutMs,
    }, async ({ expect }) => {
      const executable = await resolveRuntime(runtime);
      const outDir = path.join(dir, 'downloads', `${runtime.name}-${runtime.major}-${script}`);
      await mkdir(outDir, { recursive: true });
      const { stdout } = await run(executable.path, [...runtime.scriptArgs, script, reference.url, outDir], {
        cwd: dir,
        env: runtimeEnv,
        timeout: scriptTimeoutMs,
        killSignal: 'SIGKILL',
      });
      const outcome = JSON.parse(stdout) as RuntimeOutcome;

      expect(outcome.runtime.startsWith(reports(runtime)), `${outcome.runtime} is ${label(runtime)}`).toBe(true);
      expect(/node_modules\/@toggl-exports\/(.+)$/.exec(outcome.entryFile)?.[1]).toBe(entry);
      expect(outcome.files.map(({ operationId, format }) => `${operationId} ${format}`)).toEqual([
        'exportDetailedReport csv',
        'exportSummaryReport xlsx',
        'exportWeeklyReportPdf pdf',
      ]);
      for (const file of outcome.files) {
        expectSameFile(expect, await readSaved(file), await expectedFor(file.method, file.args), file.saved);
      }
    });
  }
});

describe.concurrent('the packed mock server on every Node it claims', () => {
  for (const runtime of mockRuntimes) {
    it(`${label(runtime)}: its bin serves the same CSV, XLSX and PDF, byte for byte, as on the Node running the tests`, {
      timeout: testTimeoutMs,
    }, async ({ expect }) => {
      const executable = await resolveRuntime(runtime);
      expect(executable.version.startsWith(`v${runtime.major}.`), `${executable.version} is ${label(runtime)}`).toBe(true);
      const mock = await startMock(executable.path);
      try {
        expect(mock.url).not.toBe(reference.url);
        for (const { method, args } of downloads) {
          const got = await downloadFromTest(dir, mock.url, method, args);
          expectSameFile(expect, got, await expectedFor(method, args), `${method} from ${label(runtime)}`);
        }
      } finally {
        await stopMock(mock);
      }
    });
  }
});
