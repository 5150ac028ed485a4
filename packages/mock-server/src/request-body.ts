import type { IncomingMessage } from 'node:http';
import { MIMEType } from 'node:util';

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; reason: 'too-large' };

/** Reads the whole body, giving up as soon as it is known to exceed `limit` bytes. */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) return Promise.resolve({ ok: false, reason: 'too-large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
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

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJson(bytes: Buffer): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch (error) {
    return { ok: false, message: `Invalid JSON in the request body: ${(error as Error).message}` };
  }
}
