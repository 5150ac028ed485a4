// The packed mock server, started through its bin the way a user starts it, and what the tests
// check the files it sends against.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { createTogglExportsClient as CreateClient, ExportFile, ExportOperationId } from '@toggl-exports/client';
import type { ExpectStatic } from 'vitest';

export interface Mock {
  child: ChildProcess;
  url: string;
}

/**
 * `toggl-exports-mock --port 0` from the project's node_modules/.bin: run by the `node` its shebang
 * finds, or by the Node executable given. Resolves once it prints its URL.
 */
export function startMockBin(dir: string, node?: string): Promise<Mock> {
  const bin = path.join(dir, 'node_modules', '.bin', 'toggl-exports-mock');
  const [command, args] = node === undefined ? [bin, ['--port', '0']] : [node, [bin, '--port', '0']];
  const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = /Toggl exports mock server: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`toggl-exports-mock exited with ${code} before printing its URL:\n${output}`)));
  });
}

/** Stops a mock started by startMockBin, if it still runs, and waits until it has exited. */
export async function stopMock(mock: Mock | undefined): Promise<void> {
  if (!mock || mock.child.exitCode !== null || mock.child.signalCode !== null) return;
  const exited = new Promise((resolve) => mock.child.once('exit', resolve));
  mock.child.kill('SIGTERM');
  await exited;
}

export interface Download {
  filename: string;
  format: string;
  contentType: string;
  bytes: Buffer;
}

/** A download made from the test process with the packed client: what the mock at mockUrl sends for that request. */
export async function downloadFromTest(dir: string, mockUrl: string, method: ExportOperationId, args: unknown): Promise<Download> {
  const { createTogglExportsClient } = createRequire(path.join(dir, 'package.json'))('@toggl-exports/client') as {
    createTogglExportsClient: typeof CreateClient;
  };
  const client = createTogglExportsClient({ apiToken: 'another-token' }, { baseUrl: mockUrl });
  const file = await (client[method] as unknown as (args: unknown) => Promise<ExportFile>)(args);
  return { filename: file.filename, format: file.format, contentType: file.contentType, bytes: Buffer.from(await file.arrayBuffer()) };
}

/** A file a project script downloaded and saved, as the script reports it (download-each.cjs, exercise.cjs). */
export interface SavedFile {
  method: ExportOperationId;
  args: unknown;
  operationId: string;
  format: string;
  contentType: string;
  filename: string;
  /** Where the script saved it. */
  saved: string;
}

/** A saved file as a download: what the script reported, with the bytes it saved. */
export async function readSaved({ filename, format, contentType, saved }: SavedFile): Promise<Download> {
  return { filename, format, contentType, bytes: await readFile(saved) };
}

/** How each format's file starts. */
const magic: Record<string, (bytes: Buffer) => boolean> = {
  csv: (bytes) => bytes.toString('utf8').startsWith('\uFEFF"User","Email",'),
  xlsx: (bytes) => bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')),
  pdf: (bytes) => bytes.subarray(0, 5).toString('latin1') === '%PDF-',
};

const described = ({ filename, format, contentType }: Download) => ({ filename, format, contentType });

/**
 * `got` (named `what` in the messages) is the file the reference mock sends the test process for
 * the same request (`expected`): it starts as its format's files do, has the very same bytes,
 * and the same file name, format and media type.
 */
export function expectSameFile(expect: ExpectStatic, got: Download, expected: Download, what: string): void {
  expect(magic[got.format]?.(got.bytes), `${what} looks like ${got.format}`).toBe(true);
  expect(got.bytes.equals(expected.bytes), `${what} has the bytes the mock sends for the same request`).toBe(true);
  expect(described(got)).toEqual(described(expected));
}
