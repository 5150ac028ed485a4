/** A finished answer, ready to be written (and cached) as it is. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Toggl's error shape: a JSON document holding one string. */
export function togglError(status: number, message: string, headers: Record<string, string> = {}): MockResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: Buffer.from(JSON.stringify(message)),
  };
}
