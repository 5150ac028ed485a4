import { filenameFromContentDisposition } from './content-disposition.js';
import { networkError } from './errors.js';
import type { ExportFormat } from './methods.js';

/** What an export file knows about the operation that produced it. */
export interface ExportSource {
  readonly operationId: string;
  /** File name without extension, used when the server suggests none. */
  readonly fileName: string;
  /** Credential strings that must never show up in an error. */
  readonly secrets: readonly string[];
}

/** Passes the body through and calls `done` once it has ended, failed or been cancelled. */
function untilDone(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream({
    async pull(controller) {
      const chunk = await reader.read().catch((error: unknown) => {
        done();
        throw error;
      });
      if (chunk.done) {
        done();
        controller.close();
      } else {
        controller.enqueue(chunk.value);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
}

/**
 * A downloaded export. Its body is streamed from the server as it is read, so it can be read
 * once: with `stream()`, `text()`, `arrayBuffer()` or `blob()`.
 */
export class ExportFile {
  /** The export that produced this file, e.g. `exportDetailedReport`. */
  readonly operationId: string;
  /** The format asked for. */
  readonly format: ExportFormat;
  readonly #response: Response;
  readonly #source: ExportSource;
  readonly #signal: AbortSignal | undefined;
  readonly #release: (() => void) | undefined;
  #readWith: string | undefined;
  #filename: string | undefined;

  /**
   * @param signal aborts the download; its reason is what a read then rejects with.
   * @param release called once the body is read to its end, fails or is cancelled.
   */
  constructor(response: Response, source: ExportSource, format: ExportFormat, signal?: AbortSignal, release?: () => void) {
    this.#response = response;
    this.operationId = source.operationId;
    this.format = format;
    this.#source = source;
    this.#signal = signal;
    this.#release = release;
  }

  /** The name the server suggests (Content-Disposition, `filename*` first), else e.g. `detailed-report.csv`. */
  get filename(): string {
    // Parsed on first use and kept: the constructor runs on every call, and many callers never ask.
    this.#filename ??=
      filenameFromContentDisposition(this.#response.headers.get('content-disposition')) ?? `${this.#source.fileName}.${this.format}`;
    return this.#filename;
  }

  /** The media type the server sent, e.g. `text/csv`. */
  get contentType(): string {
    return this.#response.headers.get('content-type') ?? '';
  }

  /** All response headers, for anything not covered above. */
  get headers(): Headers {
    return this.#response.headers;
  }

  /** Whether the body was already read. */
  get bodyUsed(): boolean {
    return this.#readWith !== undefined;
  }

  /** The body as a web ReadableStream, straight from the network. */
  stream(): ReadableStream<Uint8Array> {
    return this.takeBody('stream()');
  }

  text(): Promise<string> {
    return this.#read('text');
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#read('arrayBuffer');
  }

  blob(): Promise<Blob> {
    return this.#read('blob');
  }

  /** Hands the body over once; `how` names the reader in the error a second read gets. */
  protected takeBody(how: string): ReadableStream<Uint8Array> {
    const body = this.#take(how).body ?? new Blob().stream();
    return this.#release ? untilDone(body, this.#release) : body;
  }

  /** The error a failed read rejects with: the abort reason, or a network error for a cut-off download. */
  protected readError(error: unknown): unknown {
    if (this.#signal?.aborted) return this.#signal.reason;
    // One attempt: a download is never retried, whatever it took to get the response.
    return networkError(this.operationId, error, 1, this.#source.secrets, 'the file was cut off while downloading');
  }

  async #read<M extends 'text' | 'arrayBuffer' | 'blob'>(method: M): Promise<Awaited<ReturnType<Response[M]>>> {
    const response = this.#take(`${method}()`);
    try {
      return (await response[method]()) as Awaited<ReturnType<Response[M]>>;
    } catch (error) {
      throw this.readError(error);
    } finally {
      this.#release?.();
    }
  }

  #take(how: string): Response {
    if (this.#readWith !== undefined) {
      throw new TypeError(
        `The body of ${this.filename} was already read with ${this.#readWith}; an export file can be read once, so keep what the first read returned.`,
      );
    }
    this.#readWith = how;
    return this.#response;
  }
}
