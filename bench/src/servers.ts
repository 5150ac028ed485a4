import type { ChildProcess } from 'node:child_process';
import { detailedCsv, jsonHeaders, mockCliPath, mockSpecPath, prismCliPath } from './exports.ts';
import { freePort, host, sleep, startProcess, stopProcess } from './processes.ts';
import { fileURLToPath } from 'node:url';

/** A server under test: how to start it, in a process of its own, on a given port. */
export interface ServerKind {
  name: string;
  args(port: number): string[];
}

export const mockCli: ServerKind = {
  name: 'toggl-exports-mock (CLI)',
  args: (port) => [mockCliPath, '--port', String(port), '--host', host],
};

export const bareNodeHttp: ServerKind = {
  name: 'bare node:http, same bytes',
  args: (port) => [fileURLToPath(new URL('./servers/same-bytes-server.js', import.meta.url)), String(port)],
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
async function tryExport(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(`${url}${detailedCsv.path}`, {
      method: 'POST',
      headers: jsonHeaders,
      body: JSON.stringify(detailedCsv.body),
      signal: AbortSignal.timeout(5000),
    });
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
  const port = await freePort();
  const url = `http://${host}:${port}`;
  const spawnedAt = performance.now();
  const child = startProcess(process.execPath, kind.args(port));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  for (;;) {
    const status = await tryExport(url);
    const elapsed = performance.now() - spawnedAt;
    if (status === 200) return { child, url, msToFirst200: elapsed, stop: () => stopProcess(child) };
    const failure =
      child.exitCode !== null ? `exited with ${child.exitCode}` : status !== undefined ? `answered ${status}` : elapsed > firstRequestTimeoutMs ? 'did not answer in time' : undefined;
    if (failure) {
      await stopProcess(child);
      throw new Error(`${kind.name} ${failure}: ${stderr}`);
    }
    await sleep(2);
  }
}
