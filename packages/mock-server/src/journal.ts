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
  /**
   * The body parsed as JSON; the text of one that is not JSON, or that nests more than 100 levels
   * deep; `undefined` for none. Of a body larger than 64 KiB only the start is kept, as text.
   */
  body: unknown;
  /** The body's size in bytes. */
  bodyBytes: number;
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
  /** The request's `rawHeaders`: names and values in turn, as received. */
  rawHeaders: readonly string[];
  credentials: CredentialsUse;
  body: Buffer;
  receivedAt: number;
}

/** A journal entry as kept, before its headers are masked and its body parsed. */
interface Recorded {
  sequence: number;
  receivedAt: number;
  method: string;
  path: string;
  query: string;
  /** The raw headers joined by newlines, which no header holds. */
  headers: string;
  credentials: CredentialsUse;
  /** The body's first `keptBodyBytes` bytes, one character per byte. */
  body: string;
  bodyBytes: number;
  status: number | undefined;
  durationMs: number;
  fault: FaultKind | undefined;
}

const keptBodyBytes = 64 * 1024;
/** Bytes each slot has in the shared slabs; a larger request gets a buffer of its own. */
const slotBytes = 1024;
/** Slots per slab: slabs are made as the ring first fills, so a large journalSize costs memory only once used. */
const slotsPerSlab = 64;

/** Per slot, the numbers kept: in this order, in one typed array. */
const numberFields = 5;
const [SEQUENCE, RECEIVED_AT, DURATION, STATUS, BODY_BYTES] = [0, 1, 2, 3, 4];
/** Per slot, the lengths of the texts kept, in the order they are written: the headers, path and query first, the body after them. */
const textFields = 4;
const [HEADERS, PATH, QUERY, BODY] = [0, 1, 2, 3];

/**
 * The journal's storage: a ring of slots in shared slabs (a larger request gets a buffer of its
 * own), written over when the ring comes round, with the numbers in typed arrays and the method,
 * credentials and fault (a few constant strings) in plain arrays. Once the ring is full,
 * recording allocates nothing that outlives the request: keeping each request's own objects
 * (headers, body, strings) for the next thousand requests made every garbage collection copy
 * them, which cost a tenth of the requests per second.
 */
class JournalRing {
  readonly #numbers: Float64Array;
  readonly #lengths: Uint32Array;
  /** Consecutive slots share a slab, written in order, which the processor's caches follow far better than scattered buffers. */
  readonly #slabs: Buffer[] = [];
  /** The buffer of a slot whose request did not fit in `slotBytes`, until a smaller one takes the slot again. */
  readonly #oversized: (Buffer | undefined)[];
  readonly #methods: string[];
  readonly #credentials: CredentialsUse[];
  readonly #faults: (FaultKind | undefined)[];
  /**
   * Per slot, the prefix (headers, path and query, see `#prefixOf`) its bytes start with, 0 for
   * none: a client repeating a request finds its prefix already in the slot, and only the body
   * is copied. A number rather than the strings, which would keep each request's own strings.
   */
  readonly #heldPrefix: Float64Array;
  /** The last request's raw headers, and them joined: a client sends the same ones again and again. */
  #lastRawHeaders: readonly string[] = [];
  #lastHeaders = '';
  #lastPath = '';
  #lastQuery = '';
  /** Counts the prefixes seen, from 1 (0 is none): the last request's headers, path and query are prefix number `#prefix`. */
  #prefix = 1;

  constructor(readonly size: number) {
    this.#numbers = new Float64Array(size * numberFields);
    this.#lengths = new Uint32Array(size * textFields);
    this.#heldPrefix = new Float64Array(size);
    this.#oversized = new Array(size);
    this.#methods = new Array(size);
    this.#credentials = new Array(size);
    this.#faults = new Array(size);
  }

  write(
    slot: number,
    sequence: number,
    request: RecordedRequest,
    status: number | undefined,
    durationMs: number,
    fault: FaultKind | undefined,
  ) {
    const { path, query, body } = request;
    const prefix = this.#prefixOf(path, query, request.rawHeaders);
    const headers = this.#lastHeaders;
    const prefixBytes = headers.length + path.length + query.length;
    const keptBody = Math.min(body.length, keptBodyBytes);
    const needed = prefixBytes + keptBody;
    let buffer: Buffer;
    let start: number;
    if (needed <= slotBytes) {
      if (this.#oversized[slot] !== undefined) {
        this.#oversized[slot] = undefined;
        this.#heldPrefix[slot] = 0; // the slab's bytes for this slot are an older request's
      }
      buffer = this.#slab(slot);
      start = (slot % slotsPerSlab) * slotBytes;
    } else {
      let own = this.#oversized[slot];
      if (own === undefined || own.length < needed) {
        own = Buffer.allocUnsafeSlow(needed);
        this.#oversized[slot] = own;
        this.#heldPrefix[slot] = 0;
      }
      buffer = own;
      start = 0;
    }
    const lengths = slot * textFields;
    if (this.#heldPrefix[slot] !== prefix) {
      // Paths and queries are ASCII and header values Latin-1, as Node's parser gives them: a byte per character.
      let offset = start + buffer.write(headers, start, 'latin1');
      offset += buffer.write(path, offset, 'latin1');
      if (query !== '') buffer.write(query, offset, 'latin1');
      this.#lengths[lengths + HEADERS] = headers.length;
      this.#lengths[lengths + PATH] = path.length;
      this.#lengths[lengths + QUERY] = query.length;
      this.#heldPrefix[slot] = prefix;
    }
    body.copy(buffer, start + prefixBytes, 0, keptBody);
    this.#lengths[lengths + BODY] = keptBody;

    const numbers = slot * numberFields;
    this.#numbers[numbers + SEQUENCE] = sequence;
    this.#numbers[numbers + RECEIVED_AT] = request.receivedAt;
    this.#numbers[numbers + DURATION] = durationMs;
    this.#numbers[numbers + STATUS] = status ?? Number.NaN;
    this.#numbers[numbers + BODY_BYTES] = body.length;
    this.#methods[slot] = request.method;
    this.#credentials[slot] = request.credentials;
    this.#faults[slot] = fault;
  }

  /**
   * The number of the prefix made of these headers (joined by newlines), path and query: the
   * last request's if they are the same, else a new one. Joining the headers made a new string
   * per request, the larger part of what the journal cost; the same headers as the last
   * request's reuse its string.
   */
  #prefixOf(path: string, query: string, rawHeaders: readonly string[]): number {
    const last = this.#lastRawHeaders;
    let same = rawHeaders.length === last.length;
    for (let index = 0; same && index < rawHeaders.length; index++) same = rawHeaders[index] === last[index];
    if (!same) {
      this.#lastRawHeaders = rawHeaders;
      this.#lastHeaders = rawHeaders.join('\n');
    }
    if (!same || path !== this.#lastPath || query !== this.#lastQuery) {
      this.#lastPath = path;
      this.#lastQuery = query;
      this.#prefix++;
    }
    return this.#prefix;
  }

  /** The slab a slot's bytes are in (at `(slot % slotsPerSlab) * slotBytes`), made on first use. */
  #slab(slot: number): Buffer {
    const index = Math.floor(slot / slotsPerSlab);
    let slab = this.#slabs[index];
    if (!slab) {
      slab = Buffer.allocUnsafeSlow(slotBytes * Math.min(slotsPerSlab, this.size - index * slotsPerSlab));
      this.#slabs[index] = slab;
    }
    return slab;
  }

  read(slot: number): Recorded {
    const oversized = this.#oversized[slot];
    const buffer = oversized ?? this.#slab(slot);
    const start = oversized ? 0 : (slot % slotsPerSlab) * slotBytes;
    const lengths = slot * textFields;
    const numbers = slot * numberFields;
    const starts = [start];
    for (let field = 0; field < textFields; field++) starts.push((starts[field] as number) + (this.#lengths[lengths + field] as number));
    const text = (field: number) => buffer.toString('latin1', starts[field], starts[field + 1]);
    const status = this.#numbers[numbers + STATUS] as number;
    return {
      sequence: this.#numbers[numbers + SEQUENCE] as number,
      receivedAt: this.#numbers[numbers + RECEIVED_AT] as number,
      durationMs: this.#numbers[numbers + DURATION] as number,
      status: Number.isNaN(status) ? undefined : status,
      bodyBytes: this.#numbers[numbers + BODY_BYTES] as number,
      method: this.#methods[slot] as string,
      path: text(PATH),
      query: text(QUERY),
      headers: text(HEADERS),
      body: text(BODY),
      credentials: this.#credentials[slot] as CredentialsUse,
      fault: this.#faults[slot],
    };
  }
}

const masked = '***';
const secretHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** The last `size` requests the mock answered, oldest first; headers are masked and bodies parsed when a test reads them. */
export class RequestJournal {
  readonly size: number;
  readonly #ring: JournalRing;
  /** The slot the next request goes in. */
  #next = 0;
  /** How many slots hold a request since the last reset. */
  #filled = 0;
  #sequence = 0;

  constructor(size: number) {
    this.size = size;
    this.#ring = new JournalRing(size);
  }

  record(request: RecordedRequest, status: number | undefined, durationMs: number, fault?: FaultKind): void {
    if (this.size === 0) return;
    this.#ring.write(this.#next, ++this.#sequence, request, status, durationMs, fault);
    this.#next = (this.#next + 1) % this.size;
    this.#filled = Math.min(this.#filled + 1, this.size);
  }

  entries(filter: JournalFilter = {}): JournalEntry[] {
    const matches = matcher(filter);
    const entries: JournalEntry[] = [];
    const oldest = (this.#next - this.#filled + this.size) % this.size;
    for (let index = 0; index < this.#filled; index++) {
      const recorded = this.#ring.read((oldest + index) % this.size);
      if (matches(recorded)) entries.push(entryOf(recorded));
    }
    return entries;
  }

  reset(): void {
    this.#filled = 0;
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

/** The headers as `IncomingMessage.headers` has them (names in lower case, repeats joined), secrets masked. */
function headersOf(raw: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const parts = raw === '' ? [] : raw.split('\n');
  for (let index = 0; index + 1 < parts.length; index += 2) {
    const name = (parts[index] as string).toLowerCase();
    const value = secretHeaders.has(name) ? maskedValue(parts[index + 1] as string) : (parts[index + 1] as string);
    headers[name] = Object.hasOwn(headers, name) && !secretHeaders.has(name) ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

function entryOf(recorded: Recorded): JournalEntry {
  return {
    sequence: recorded.sequence,
    receivedAt: new Date(recorded.receivedAt).toISOString(),
    method: recorded.method,
    path: recorded.path,
    query: Object.fromEntries(new URLSearchParams(recorded.query)),
    headers: headersOf(recorded.headers),
    credentials: recorded.credentials,
    body: bodyOf(recorded.body),
    bodyBytes: recorded.bodyBytes,
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

/** Bodies nested deeper than this are given as text: serialising them again (to JSON, or in a test's diff) would overflow the stack. */
const maxParsedDepth = 100;

function bodyOf(kept: string): unknown {
  if (kept === '') return undefined;
  const text = Buffer.from(kept, 'latin1').toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    return nestsAtMost(parsed, maxParsedDepth) ? parsed : text;
  } catch {
    return text;
  }
}

/** Whether `value` holds lists and objects at most `depth` levels deep; walked without recursion. */
function nestsAtMost(value: unknown, depth: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, level] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (level >= depth) return false;
    for (const child of Object.values(item)) pending.push([child, level + 1]);
  }
  return true;
}
