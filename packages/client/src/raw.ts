import createClient, { type Client } from 'openapi-fetch';
import { clientConfigs } from './client.js';
import type { paths } from './generated/openapi.js';
import type { TogglExportsClient } from './methods.js';
import { describeValue, throwTypeError } from './options.js';

/** The openapi-fetch client for the spec's paths, typed by the same spec as the export methods. */
export type TogglRawClient = Client<paths>;

const rawClients = new WeakMap<object, TogglRawClient>();

/**
 * The typed openapi-fetch client behind `client`: same base URL, fetch, credentials and
 * User-Agent, but none of the export methods' retries, timeouts or argument checks. It lives in
 * this entry of its own so that apps which never use it do not bundle openapi-fetch.
 *
 * Each client has one: calling this again returns the same instance, with any middleware added to it.
 *
 * @throws {TypeError} when `client` was not made by `createTogglExportsClient`.
 */
export function rawClient(client: TogglExportsClient<unknown>): TogglRawClient {
  let raw = rawClients.get(client);
  if (!raw) {
    const config =
      clientConfigs.get(client) ??
      throwTypeError('rawClient() client', `is ${describeValue(client)}`, 'pass a client made by createTogglExportsClient');
    raw = createClient<paths>({ baseUrl: config.baseUrl, headers: config.headers, ...(config.fetch && { fetch: config.fetch }) });
    rawClients.set(client, raw);
  }
  return raw;
}
