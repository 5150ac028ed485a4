import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { afterBody, listenAndAnnounce } from './listen.ts';

/*
 * The floor for the mock's speed: bare node:http answering every request with the bytes and
 * headers the mock sends for the detailed report as CSV (saved by the bench in the file named by
 * the second argument), without looking at the request.
 */

const answer = JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as { headers: Record<string, string>; body: string };
const bytes = Buffer.from(answer.body, 'base64');
const headers = { ...answer.headers, 'Content-Length': String(bytes.length) };

listenAndAnnounce(createServer((request, response) => afterBody(request, () => response.writeHead(200, headers).end(bytes))));
