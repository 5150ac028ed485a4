/** Quotes a word for a POSIX shell. */
const shellQuote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/** A request the client was about to send, as `fetch` received it. */
export interface CapturedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/**
 * The request as a cURL command line one can paste. The credentials are never shown: an
 * Authorization header becomes `-u "$TOGGL_API_TOKEN:api_token"`, which the shell fills in.
 */
export function curlLine(request: CapturedRequest, out: string | undefined): string {
  const words = ['curl', '--fail-with-body', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of request.headers) {
    if (name === 'authorization') words.push('-u', '"$TOGGL_API_TOKEN:api_token"');
    else words.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (request.body !== undefined) words.push('--data', shellQuote(request.body));
  if (out !== undefined) words.push('-o', shellQuote(out));
  return words.join(' ');
}

/** A fetch that records each request and answers none: the client builds the request, the dry run shows it. */
export function capturingFetch(captured: CapturedRequest[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    captured.push({
      url: request.url,
      method: request.method,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return new Response(null, { status: 204 });
  };
}
