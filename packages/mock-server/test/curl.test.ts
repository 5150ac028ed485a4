import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mockUrl, post } from './http.ts';
import { exports } from './spec.ts';

const run = promisify(execFile);

/**
 * Requests made exactly as Toggl's documentation shows them, with the real curl binary:
 * `curl -X POST <url> -H "Content-Type: application/json" -d '{…}' -u <email>:<password>`,
 * no Accept header, and each operation's documented example body.
 */
async function curl(path: string, body: unknown): Promise<{ status: number; type: string; disposition: string; bytes: Buffer }> {
  const args = ['-sS', '-X', 'POST', `${mockUrl}${path}`, '-H', 'Content-Type: application/json'];
  // The saved-report examples send no body at all.
  if (body !== undefined) args.push('-d', JSON.stringify(body));
  args.push('-u', 'ada.lovelace@example.com:analytical-engine', '-D', '-', '-o', '-');
  const { stdout } = await run('curl', args, { encoding: 'buffer', maxBuffer: 32 * 1024 * 1024 });
  const end = stdout.indexOf('\r\n\r\n');
  const head = stdout.subarray(0, end).toString('latin1');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? '';
  return {
    status: Number(head.split(' ')[1]),
    type: header('content-type'),
    disposition: header('content-disposition'),
    bytes: stdout.subarray(end + 4),
  };
}

describe("cURL as in Toggl's docs", () => {
  it.each(exports)('$operationId as $mediaType', async (entry) => {
    const answer = await curl(entry.path, entry.body && Object.keys(entry.body).length > 0 ? entry.body : undefined);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe(entry.mediaType);
    // The same file, under the same name, as the same request sent with fetch.
    const same = await post(entry.path, { body: entry.body });
    expect(answer.disposition).toBe(same.headers.get('content-disposition'));
    expect(answer.disposition).toMatch(/^attachment; filename="TogglTrack_Report_\w+_\(from_[\d_]{10}_to_[\d_]{10}\)\.(csv|xlsx|pdf)"$/);
    expect(answer.bytes.equals(same.bytes)).toBe(true);
  });
});
