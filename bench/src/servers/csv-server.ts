import { createServer } from 'node:http';
import { bigFileBytes } from './big-file.ts';
import { afterBody, listenAndAnnounce } from './listen.ts';

/*
 * The local server the client is measured against, in a process of its own. Any POST gets a
 * small CSV file; a POST under /big/ gets a CSV file of `bigFileBytes`, generated as it is sent
 * (never held whole in memory or on disk), at the pace the reader takes it.
 */

const header = 'User,Email,Client,Project,Description,Start date,Start time,Duration\n';
const row = (index: number) => `Ada Lovelace,ada@example.com,Acme,Website,Task ${index},2026-10-01,09:00:00,01:00:00\n`;
const smallCsv = Buffer.from(header + Array.from({ length: 10 }, (_, index) => row(index)).join(''));

/** 64 KiB of whole rows: the big file is this block over and over, cut at the exact size. */
const block = (() => {
  let text = '';
  for (let index = 0; text.length + row(index).length <= 64 * 1024; index++) text += row(index);
  return Buffer.from(text);
})();

const csvHeaders = (length: number) => ({
  'Content-Type': 'text/csv',
  'Content-Disposition': 'attachment; filename="detailed-report.csv"',
  'Content-Length': String(length),
});

const server = createServer((request, response) =>
  afterBody(request, () => {
    if (!request.url?.startsWith('/big/')) {
      response.writeHead(200, csvHeaders(smallCsv.length)).end(smallCsv);
      return;
    }
    response.writeHead(200, csvHeaders(bigFileBytes));
    response.write(header);
    let left = bigFileBytes - header.length;
    const fill = () => {
      while (left > 0) {
        const chunk = left >= block.length ? block : block.subarray(0, left);
        left -= chunk.length;
        if (!response.write(chunk)) return void response.once('drain', fill);
      }
      response.end();
    };
    fill();
  }),
);

listenAndAnnounce(server);
