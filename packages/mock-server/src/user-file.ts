import { readFile } from 'node:fs/promises';

/** Why a file cannot be read, by the error's code. */
const unreadable: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
};

/** "cannot read --docs file 'api.html': no such file", with the option named as the caller knows it. */
export const cannotRead = (option: string, file: string, reason: string) => `cannot read ${option} file '${file}': ${reason}`;

/** A file named by an option of startMockServer (`data`, `docs`) that cannot be read: which option, which file, and why. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';

  constructor(
    readonly option: 'data' | 'docs',
    readonly file: string,
    readonly reason: string,
  ) {
    super(cannotRead(`options.${option}`, file, reason));
  }
}

/** Reads a file the user named with `option`; one that cannot be read rejects with an UnreadableFileError. */
export async function readUserFile(option: 'data' | 'docs', file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UnreadableFileError(option, file, (code !== undefined && unreadable[code]) || message);
  }
}
