import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';

/** Temporary files not yet renamed or removed; removed on exit whatever happens, so an interrupted run leaves none. */
const pending = new Set<string>();
process.on('exit', () => {
  for (const path of pending) rmSync(path, { force: true });
});

/** Where the bytes go: standard output, or a file that only appears, complete, once everything has arrived. */
export interface Sink {
  readonly stream: Writable;
  /** Makes the output final under `name` (ignored for stdout); returns what to call it in the summary. */
  commit(name: string): Promise<string>;
  /** Drops what was written, leaving nothing at the destination. */
  discard(): Promise<void>;
}

/** Writes to a hidden temporary file beside the destination, renamed into place by `commit`. */
async function fileSink(out: string | undefined): Promise<Sink> {
  const folder = out === undefined ? process.cwd() : dirname(resolve(out));
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.toggl-exports-${process.pid}-${randomBytes(4).toString('hex')}.part`);
  pending.add(temporary);
  const stream: WriteStream = createWriteStream(temporary, { flags: 'wx' });
  await once(stream, 'open');
  const closed = () => (stream.closed ? Promise.resolve() : new Promise<void>((done) => stream.end(done)));
  return {
    stream,
    async commit(name) {
      await closed();
      // The name Toggl suggests is taken as a name, never as a path.
      const target = out ?? join(folder, basename(name));
      await rename(temporary, target);
      pending.delete(temporary);
      return resolve(target);
    },
    async discard() {
      stream.destroy();
      await rm(temporary, { force: true });
      pending.delete(temporary);
    },
  };
}

function stdoutSink(): Sink {
  return {
    stream: process.stdout,
    commit: async () => 'stdout',
    discard: async () => {},
  };
}

/** `-` is standard output; anything else (or nothing: the suggested name in the current folder) a file. */
export const openSink = (out: string | undefined): Promise<Sink> => (out === '-' ? Promise.resolve(stdoutSink()) : fileSink(out));

/** Writes `bytes` to `stream`, waiting when its buffer is full. */
export async function write(stream: Writable, bytes: Uint8Array): Promise<void> {
  if (!stream.write(bytes)) await once(stream, 'drain');
}
