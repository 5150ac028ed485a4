import { createExportsClient } from './client.js';
import { ExportFile } from './export-file.js';
import type { TogglExportsClient as ClientOf } from './methods.js';
import type { TogglCredentials, TogglExportsClientOptions } from './options.js';

export type { TogglApiErrorReason } from './errors.js';
export { TogglApiError, TogglExportsError, TogglNetworkError, TogglTimeoutError } from './errors.js';
export { ExportFile } from './export-file.js';
export type { components, operations, paths } from './generated/openapi.js';
export { exportOperations } from './generated/operations.js';
export type { CallOptions, ExportArgs, ExportBody, ExportFormat, ExportOperationId } from './methods.js';
export type { RetryEvent, RetryOptions, TogglCredentials, TogglExportsClientOptions } from './options.js';

/** A client whose export methods resolve to {@link ExportFile}s. */
export type TogglExportsClient = ClientOf<ExportFile>;

/**
 * Creates a client with one method per export of Toggl Track's Reports and Insights APIs.
 *
 * @param credentials `{ apiToken }` (recommended), `{ email, password }`, or `{}` for public saved reports.
 * @param options base URL, fetch, User-Agent, retry and timeout settings.
 * @throws {TypeError} naming the field when a credential or option is not usable.
 */
export function createTogglExportsClient(credentials?: TogglCredentials, options?: TogglExportsClientOptions): TogglExportsClient {
  return createExportsClient(ExportFile, credentials, options);
}
