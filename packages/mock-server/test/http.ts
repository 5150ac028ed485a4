import { inject } from 'vitest';

export const mockUrl = inject('togglExportsMockUrl');

export const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
export const validAuth = basicAuth('ada@example.com', 'correct horse');

export interface Answer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The body parsed as JSON (errors are a JSON string). */
  json(): unknown;
}

/** POSTs to the mock like a client would: JSON body, Basic credentials unless told otherwise. */
export async function post(
  path: string,
  { body, headers = {}, method = 'POST' }: { body?: unknown; headers?: Record<string, string>; method?: string } = {},
): Promise<Answer> {
  const response = await fetch(`${mockUrl}${path}`, {
    method,
    headers: { authorization: validAuth, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}
