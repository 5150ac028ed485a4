import { filenameFromContentDisposition } from './content-disposition.js';
import { TogglExportsError, TogglNetworkError } from './errors.js';
import type { ExportFormat } from './methods.js';

/** What an export file knows about the operation that produced it. */
export interface ExportSource {
  readonly operationId: string;
  /** File name without extension, used when the server suggests none. */
  readonly fileName: string;
}

/** Errors while the body streams in are network errors, except the caller's own abort. */
function bodyError(operationId: string, error: unknown): unknown {
  if (error instanceof TogglExportsError || (error as Error | undefined)?.name === 'AbortError') return error;
  return new TogglNetworkError(operationId, `the file was cut off while downloading (${(error as Error | undefined)?.message})`, 1, {
    cause: error,
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
  readonly #fallbackName: string;
  #readWith: string | undefined;

  constructor(response: Response, source: ExportSource, format: ExportFormat) {
    this.#response = response;
    this.operationId = source.operationId;
    this.format = format;
    this.#fallbackName = `${source.fileName}.${format}`;
  }

  /** The name the server suggests (Content-Disposition, `filename*` first), else e.g. `detailed-report.csv`. */
  get filename(): string {
    return filenameFromContentDisposition(this.#response.headers.get('content-disposition')) ?? this.#fallbackName;
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
    return this.#take(how).body ?? new Blob().stream();
  }

  /** Turns an error from reading the body into the error the caller sees. */
  protected readError(error: unknown): unknown {
    return bodyError(this.operationId, error);
  }

  async #read<M extends 'text' | 'arrayBuffer' | 'blob'>(method: M): Promise<Awaited<ReturnType<Response[M]>>> {
    const response = this.#take(`${method}()`);
    try {
      return (await response[method]()) as Awaited<ReturnType<Response[M]>>;
    } catch (error) {
      throw this.readError(error);
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
