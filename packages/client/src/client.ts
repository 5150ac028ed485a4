import { crossOriginHint, networkError, TogglApiError, type TogglNetworkError, TogglTimeoutError } from './errors.js';
import type { ExportSource } from './export-file.js';
import { exportOperations } from './generated/operations.js';
import type { ExportFormat, TogglExportsClient } from './methods.js';
import { type ClientConfig, checkTimeout, describeValue, isObject, resolveConfig, throwTypeError } from './options.js';
import { redact } from './redact.js';
import { parseRetryAfter, parseWholeNumber, retryDelay, sleep } from './retry.js';

/** How the client builds the file object it returns; the Node entry passes a subclass that can save to disk. */
export type ExportFileClass<File> = new (
  response: Response,
  source: ExportSource,
  format: ExportFormat,
  signal?: AbortSignal,
  release?: () => void,
) => File;

type Operation = (typeof exportOperations)[keyof typeof exportOperations];
type Args = Record<string, unknown> & { signal?: AbortSignal; timeout?: unknown; body?: unknown; format?: unknown };

/** `workspace_id` → `workspaceId`; the path's `{extension}` is the `format` argument. */
const argumentName = (parameter: string) =>
  parameter === 'extension' ? 'format' : parameter.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

function abortOnTimeout(controller: AbortController, operationId: string, timeoutMs: number): void {
  controller.abort(new TogglTimeoutError(operationId, timeoutMs));
}

/** Toggl sends its error message as a JSON string; proxies may send anything. */
function messageOf(text: string, response: Response): string {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'string') return value;
    const { message } = (value ?? {}) as { message?: unknown };
    if (typeof message === 'string') return message;
  } catch {
    // Not JSON: the text itself is the message.
  }
  text = text.trim();
  return (text.length > 300 ? `${text.slice(0, 300)}…` : text) || response.statusText || '(empty body)';
}

async function apiError(operationId: string, response: Response, attempts: number, secrets: string[]): Promise<TogglApiError> {
  const { headers } = response;
  return new TogglApiError(operationId, {
    status: response.status,
    serverMessage: redact(messageOf(await response.text(), response), secrets),
    attempts,
    retryAfterSeconds: parseRetryAfter(headers.get('retry-after')),
    quotaRemaining: parseWholeNumber(headers.get('x-toggl-quota-remaining')),
    quotaResetsInSeconds: parseWholeNumber(headers.get('x-toggl-quota-resets-in')),
  });
}

/**
 * Turns one row of the generated operations table into a method. Everything that does not depend
 * on the call (URL pieces, headers per format) is worked out here, once.
 */
function exportMethod<File>(config: ClientConfig, operationId: string, operation: Operation, FileClass: ExportFileClass<File>) {
  const { baseUrl, retry, secrets } = config;
  /** The path split at its parameters: literal, argument name, literal, ... literal. */
  const parts = operation.path.split(/\{(\w+)\}/).map((part, index) => (index % 2 ? argumentName(part) : part));
  /**
   * Request headers by format, with and without a JSON body. Looked up by the caller's `format`,
   * so the object has no prototype: `format: 'toString'` finds nothing instead of a method.
   */
  const headersOf: Record<string, { withBody: Record<string, string>; withoutBody: Record<string, string> }> = Object.create(null);
  for (const [format, accept] of Object.entries(operation.formats)) {
    const withoutBody = { ...config.headers, accept };
    headersOf[format] = { withBody: { ...withoutBody, 'content-type': 'application/json' }, withoutBody };
  }
  const formats = Object.keys(headersOf);
  const fixedFormat = parts.includes('format') ? undefined : formats[0];
  const needsCredentials = !operation.authOptional && !config.headers.authorization;
  const source: ExportSource = { operationId, fileName: operation.fileName, secrets };

  return async (args: Args): Promise<File> => {
    if (!args || typeof args !== 'object')
      throwTypeError(`${operationId}()`, `was called with ${describeValue(args)}`, 'pass one object of arguments');
    if (needsCredentials)
      throwTypeError(`${operationId}()`, 'needs credentials', 'create the client with { apiToken } or { email, password }');
    const { body, signal: callerSignal } = args;
    const format = (args.format ?? fixedFormat) as ExportFormat;
    const headers = headersOf[format];
    if (!headers) throwTypeError(`${operationId}() format`, `is ${describeValue(args.format)}`, `use ${formats.join(' or ')}`);
    if (body === undefined ? operation.bodyRequired : !isObject(body)) {
      throwTypeError(
        `${operationId}() body`,
        body === undefined ? 'is missing' : `is ${describeValue(body)}`,
        'pass the report settings as an object',
      );
    }
    let url = baseUrl + parts[0];
    for (let index = 1; index < parts.length; index += 2) {
      const name = parts[index] as string;
      const value = name === 'format' ? format : args[name];
      if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string' || !value) {
        throwTypeError(
          `${operationId}() ${name}`,
          value === undefined ? 'is missing' : `is ${describeValue(value)}`,
          'use a number or a non-empty string',
        );
      }
      url += encodeURIComponent(value as string) + parts[index + 1];
    }

    callerSignal?.throwIfAborted();
    const timeoutMs = args.timeout === undefined ? config.timeout : checkTimeout(args.timeout, `${operationId}() timeout`);
    let signal = callerSignal;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** Unlinks the caller's signal from ours; the file takes it over once the response has arrived. */
    let release: (() => void) | undefined;
    if (timeoutMs) {
      const controller = new AbortController();
      signal = controller.signal;
      timer = setTimeout(abortOnTimeout, timeoutMs, controller, operationId, timeoutMs);
      // Linked by hand, not with AbortSignal.any, which leaks when the caller's signal is long-lived.
      if (callerSignal) {
        const forward = () => controller.abort(callerSignal.reason);
        callerSignal.addEventListener('abort', forward);
        release = () => callerSignal.removeEventListener('abort', forward);
      }
    }
    const init: RequestInit = {
      method: 'POST',
      headers: body === undefined ? headers.withoutBody : headers.withBody,
      // A string, so every retry sends the same body again.
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    };
    const fetch = config.fetch ?? globalThis.fetch;

    try {
      for (let attempt = 1; ; attempt++) {
        let error: TogglApiError | TogglNetworkError;
        try {
          const response = await fetch(url, init);
          if (response.ok) {
            const file = new FileClass(response, source, format, signal, release);
            release = undefined;
            return file;
          }
          error = await apiError(operationId, response, attempt, secrets);
        } catch (thrown) {
          // The caller's abort, or our timeout: its reason is the error to throw.
          if (signal?.aborted) throw signal.reason;
          // Retried like any network error: a browser gives a blocked cross-origin request the
          // message of a dropped connection, so the two cannot be told apart (README, "In a browser").
          error = networkError(operationId, thrown, attempt, secrets, undefined, crossOriginHint(url, thrown));
        }
        if (!retry || attempt > retry.retries) throw error;
        const delayMs = retryDelay(error, attempt, retry);
        if (delayMs === undefined) throw error;
        retry.onRetry?.({ operationId, attempt, delayMs, error });
        await sleep(delayMs, signal);
      }
    } finally {
      clearTimeout(timer);
      release?.();
    }
  };
}

/** The settings each client was created with, for `rawClient()` of the `/raw` entry. */
export const clientConfigs = new WeakMap<object, ClientConfig>();

/** Builds a client whose methods come from the generated operations table, one function for all. */
export function createExportsClient<File>(
  FileClass: ExportFileClass<File>,
  credentials: unknown,
  options: unknown,
): TogglExportsClient<File> {
  const config = resolveConfig(credentials, options);
  const client: Record<string, unknown> = {};
  for (const [operationId, operation] of Object.entries(exportOperations)) {
    client[operationId] = exportMethod(config, operationId, operation, FileClass);
  }
  clientConfigs.set(client, config);
  return client as TogglExportsClient<File>;
}
