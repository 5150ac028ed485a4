import type { ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detailedCsv, detailedReportPath, mockCliPath, mockSpecPath, postExport, prismCliPath } from './exports.ts';
import { freePort, host, sleep, startProcess, stopProcess } from './processes.ts';

/** A server under test: how to start it, in a process of its own, on a given port. */
export interface ServerKind {
  name: string;
  args(port: number): string[];
  /** Run before the process is spawned, outside its start-up time. */
  prepare?(): Promise<void>;
  /** The request polled until it answers 200; default: the detailed CSV export with the spec's example body. */
  probe?: { path: string; body: unknown };
}

export const mockCli: ServerKind = {
  name: 'toggl-exports-mock (CLI)',
  args: (port) => [mockCliPath, '--port', String(port), '--host', host],
};

/** The mock's CLI, collecting its garbage when sent SIGUSR2 (servers/collect-garbage-on-signal.ts): for reading the memory it keeps. */
export const mockCliCollectingGarbage: ServerKind = {
  name: 'toggl-exports-mock (CLI), garbage collected on SIGUSR2',
  args: (port) => [
    '--expose-gc',
    '--import',
    new URL('./servers/collect-garbage-on-signal.js', import.meta.url).href,
    ...mockCli.args(port),
  ],
};

/** The mock's CLI writing every file in its own thread, without render threads: what the threads change. */
export const mockCliWithoutRenderThreads: ServerKind = {
  name: 'toggl-exports-mock (CLI) --render-threads 0',
  args: (port) => [...mockCli.args(port), '--render-threads', '0'],
};

/** The mock's CLI with its request journal and its CORS headers off: the baseline of what the two cost (its defaults are a journal of 1000 and CORS for any origin). */
export const mockCliWithoutJournalOrCors: ServerKind = {
  name: 'toggl-exports-mock (CLI) --journal-size 0 --no-cors',
  args: (port) => [...mockCli.args(port), '--journal-size', '0', '--no-cors'],
};

/** The mock's CLI computing its files from a dataset file; polled with the same request as `mockCli`, on the dataset's workspace. */
export const mockCliWithData = (file: string, workspaceId: number): ServerKind => ({
  name: 'toggl-exports-mock (CLI) --data',
  args: (port) => [...mockCli.args(port), '--data', file],
  probe: { path: detailedReportPath(workspaceId, 'csv'), body: detailedCsv.body },
});

/** The mock's answer to the detailed CSV request, which the bare server sends (servers/same-bytes-server.ts). */
const mockAnswerFile = path.join(tmpdir(), `toggl-exports-bench-${process.pid}-answer.json`);
let mockAnswerSaved: Promise<void> | undefined;

/** The mock computes its files, so the bytes are asked of a mock CLI, once per run. */
async function saveMockAnswer(): Promise<void> {
  const mock = await startServer(mockCli);
  try {
    const response = await postExport(mock.url, detailedCsv.path, detailedCsv.body, 5000);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`the mock answered the detailed CSV request with ${response.status}: ${body}`);
    const headers = {
      'Content-Type': response.headers.get('content-type'),
      'Content-Disposition': response.headers.get('content-disposition'),
    };
    writeFileSync(mockAnswerFile, JSON.stringify({ headers, body: body.toString('base64') }));
    process.once('exit', () => rmSync(mockAnswerFile, { force: true }));
  } finally {
    await mock.stop();
  }
}

export const bareNodeHttp: ServerKind = {
  name: 'bare node:http, same bytes',
  args: (port) => [fileURLToPath(new URL('./servers/same-bytes-server.js', import.meta.url)), String(port), mockAnswerFile],
  prepare: () => (mockAnswerSaved ??= saveMockAnswer()),
};

/** Prism's own CLI serving the mock's spec; request logging turned down so the baseline is as fast as it gets. */
export const prismCli: ServerKind = {
  name: 'Prism CLI 5.14.2',
  args: (port) => [prismCliPath, 'mock', mockSpecPath, '--port', String(port), '--host', host, '--verboseLevel', 'error'],
};

export interface RunningServer {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawning the process to the first 200 answer. */
  msToFirst200: number;
  stop(): Promise<void>;
}

const firstRequestTimeoutMs = 30_000;

/** One valid export request; resolves to its status, or undefined while nothing listens yet. */
async function tryExport(url: string, probe: { path: string; body: unknown }): Promise<number | undefined> {
  try {
    const response = await postExport(url, probe.path, probe.body, 5000);
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/**
 * Spawns the server and polls it with a valid export request every few milliseconds until it
 * answers 200; the time from spawn to that answer is its start-up time.
 */
export async function startServer(kind: ServerKind): Promise<RunningServer> {
  await kind.prepare?.();
  const port = await freePort();
  const url = `http://${host}:${port}`;
  const spawnedAt = performance.now();
  const child = startProcess(process.execPath, kind.args(port));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  for (;;) {
    const status = await tryExport(url, kind.probe ?? detailedCsv);
    const elapsed = performance.now() - spawnedAt;
    if (status === 200) return { child, url, msToFirst200: elapsed, stop: () => stopProcess(child) };
    const failure =
      child.exitCode !== null
        ? `exited with ${child.exitCode}`
        : status !== undefined
          ? `answered ${status}`
          : elapsed > firstRequestTimeoutMs
            ? 'did not answer in time'
            : undefined;
    if (failure) {
      await stopProcess(child);
      throw new Error(`${kind.name} ${failure}: ${stderr}`);
    }
    await sleep(2);
  }
}
