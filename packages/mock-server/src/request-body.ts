import type { IncomingMessage } from 'node:http';
import { MIMEType } from 'node:util';

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; reason: 'too-large' };

/** How much of an oversized body is still read and dropped after the 413; a client sending more is cut off. */
const drainLimit = 16 * 1024 * 1024;

/**
 * Reads and drops the rest of an oversized body. Closing the connection instead would reset it
 * while the client is still sending, and the client would see a broken pipe, not the 413.
 */
function drainRest(request: IncomingMessage): void {
  let dropped = 0;
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > drainLimit) request.socket.destroy();
  });
}

/** Reads the whole body, giving up as soon as it is known to exceed `limit` bytes. */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) {
    drainRest(request);
    return Promise.resolve({ ok: false, reason: 'too-large' });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        drainRest(request);
        resolve({ ok: false, reason: 'too-large' });
      } else chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve({ ok: true, bytes: Buffer.concat(chunks, size) }));
    request.once('error', reject);
  });
}

/** Whether a Content-Type header names JSON (`application/json`, `application/*+json`), with any parameters. */
export function isJsonContentType(header: string): boolean {
  try {
    const { type, subtype } = new MIMEType(header);
    return type === 'application' && (subtype === 'json' || subtype.endsWith('+json'));
  } catch {
    return false;
  }
}

/** Whether a parsed JSON value is an object, not a list or null. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

// A byte-order mark stays in the text, so that JSON.parse refuses it as Toggl's Go server does.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as JSON: UTF-8 text, as JSON requires. Numbers too large for JSON's are found by limitBody. */
export function parseJson(bytes: Buffer): ParsedJson {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: 'Invalid JSON in the request body: it is not valid UTF-8 text' };
  }
  // JSON.parse would name the mark as an unexpected token, which prints as nothing.
  if (text.startsWith('\uFEFF')) {
    return { ok: false, message: 'Invalid JSON in the request body: it starts with a byte-order mark (U+FEFF); send the JSON without one' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `Invalid JSON in the request body: ${(error as Error).message}` };
  }
}
