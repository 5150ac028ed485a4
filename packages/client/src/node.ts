import { mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createExportsClient } from './client.js';
import { ExportFile } from './export-file.js';
import type { TogglExportsClient } from './methods.js';
import type { TogglCredentials, TogglExportsClientOptions } from './options.js';

export * from './index.js';

/** An export file that can also stream itself to disk. */
export class NodeExportFile extends ExportFile {
  /**
   * Streams the file to `path` as it downloads, in constant memory. Creates the missing folders of
   * `path` first (they stay if the download then fails) and overwrites an existing file; if the
   * download fails, the partial file is removed and the error rethrown.
   */
  async saveTo(path: string | URL): Promise<void> {
    const body = Readable.fromWeb(this.takeBody('saveTo()') as NodeReadableStream<Uint8Array>);
    // Opened before streaming, so a failure (shown as it is) leaves nothing behind to clean up.
    const handle = await openForWriting(path).catch((error: unknown) => {
      body.destroy();
      throw error;
    });
    try {
      await pipeline(body, handle.createWriteStream());
    } catch (error) {
      // The file was opened (and so truncated) by this call; a half-written report is worse than none.
      await rm(path, { force: true });
      // A file-system error (it names its syscall) is the caller's to see as it is.
      throw (error as NodeJS.ErrnoException).syscall ? error : this.readError(error);
    }
  }
}

/** Opens (creating or truncating) the file at `path`, after creating the folders it is in. */
async function openForWriting(path: string | URL) {
  // A URL's folder is a URL too (`.` drops the file name, query and fragment); mkdir takes either.
  await mkdir(path instanceof URL ? new URL('.', path) : dirname(path), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    // A file where a folder should be: opening the file names the problem better (ENOTDIR).
    if (error.code !== 'EEXIST') throw error;
  });
  return open(path, 'w');
}

/** A client whose export methods resolve to {@link NodeExportFile}s, which add `saveTo(path)`. */
export type TogglExportsNodeClient = TogglExportsClient<NodeExportFile>;

/** Same as the main entry's `createTogglExportsClient`, for Node: files come with `saveTo(path)`. */
export function createTogglExportsClient(credentials?: TogglCredentials, options?: TogglExportsClientOptions): TogglExportsNodeClient {
  return createExportsClient(NodeExportFile, credentials, options);
}
