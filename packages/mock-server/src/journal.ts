import type { IncomingHttpHeaders } from 'node:http';
import type { CredentialsUse } from './credentials.ts';
import type { FaultKind } from './faults.ts';

/** One request the mock answered, as a test may assert on it. */
export interface JournalEntry {
  /** Counts up from 1 over the server's life, resets included: tells the order, and shows what a full journal let go. */
  sequence: number;
  /** When the request came in, as an ISO timestamp. */
  receivedAt: string;
  method: string;
  path: string;
  /** The query string's parameters, if the URL had any. */
  query: Record<string, string>;
  /** The request headers, names in lower case, with `authorization` and `cookie` masked. */
  headers: Record<string, string>;
  /** How the request signed in, never the credentials themselves. */
  credentials: CredentialsUse;
  /** The body parsed as JSON; the text of one that is not JSON; `undefined` for none. */
  body: unknown;
  /** The status sent, or `undefined` when the connection was dropped before an answer. */
  status: number | undefined;
  /** Milliseconds from the request's arrival to its answer, delays included. */
  durationMs: number;
  /** The fault the answer was given, if any. */
  fault?: FaultKind;
}

/** Picks entries out of the journal; every field given must match. */
export interface JournalFilter {
  method?: string;
  /** The exact path, or a pattern in which `*` stands for any characters, such as `/reports/api/v3/workspace/*`. */
  path?: string;
  status?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  credentials: CredentialsUse;
  body: Buffer;
  receivedAt: number;
}

interface Recorded extends RecordedRequest {
  sequence: number;
  status: number | undefined;
  durationMs: number;
  fault: FaultKind | undefined;
}

const masked = '***';
const secretHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * The last `size` requests the mock answered, oldest first. Recording keeps references only;
 * the headers are masked and the body parsed when a test reads the journal, so a server under
 * load pays for a push, not for copies.
 */
export class RequestJournal {
  readonly size: number;
  readonly #ring: (Recorded | undefined)[];
  #next = 0;
  #sequence = 0;

  constructor(size: number) {
    this.size = size;
    this.#ring = new Array(size);
  }

  record(request: RecordedRequest, status: number | undefined, durationMs: number, fault?: FaultKind): void {
    if (this.size === 0) return;
    this.#ring[this.#next] = { ...request, sequence: ++this.#sequence, status, durationMs, fault };
    this.#next = (this.#next + 1) % this.size;
  }

  entries(filter: JournalFilter = {}): JournalEntry[] {
    const matches = matcher(filter);
    const entries: JournalEntry[] = [];
    for (let index = 0; index < this.size; index++) {
      const recorded = this.#ring[(this.#next + index) % this.size];
      if (recorded && matches(recorded)) entries.push(entryOf(recorded));
    }
    return entries;
  }

  reset(): void {
    this.#ring.fill(undefined);
    this.#next = 0;
  }
}

function matcher({ method, path, status }: JournalFilter): (recorded: Recorded) => boolean {
  const upperMethod = method?.toUpperCase();
  const pathPattern =
    path === undefined
      ? undefined
      : new RegExp(
          `^${path
            .split('*')
            .map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        );
  return (recorded) =>
    (upperMethod === undefined || recorded.method === upperMethod) &&
    (pathPattern === undefined || pathPattern.test(recorded.path)) &&
    (status === undefined || recorded.status === status);
}

function entryOf(recorded: Recorded): JournalEntry {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(recorded.headers)) {
    if (value === undefined) continue;
    headers[name] = secretHeaders.has(name) ? maskedValue(String(value)) : Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    sequence: recorded.sequence,
    receivedAt: new Date(recorded.receivedAt).toISOString(),
    method: recorded.method,
    path: recorded.path,
    query: Object.fromEntries(new URLSearchParams(recorded.query)),
    headers,
    credentials: recorded.credentials,
    body: bodyOf(recorded.body),
    status: recorded.status,
    durationMs: Math.round(recorded.durationMs * 10) / 10,
    ...(recorded.fault && { fault: recorded.fault }),
  };
}

/** `Basic ***`: the scheme stays, so a test can still see which one was used. */
function maskedValue(value: string): string {
  const scheme = /^([A-Za-z]+) /.exec(value)?.[1];
  return scheme ? `${scheme} ${masked}` : masked;
}

function bodyOf(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
