// <runtime> download.mjs <mock URL> <output folder>: the client's main entry loaded with `import`,
// one file in each format downloaded (download-each.cjs). Runs on Node, Bun and Deno alike.
import { createRequire } from 'node:module';
import * as main from '@toggl-exports/client';

const { downloadEach } = createRequire(import.meta.url)('./download-each.cjs');
const [mockUrl, outDir] = process.argv.slice(2);
console.log(JSON.stringify({ entryFile: import.meta.resolve('@toggl-exports/client'), ...(await downloadEach(main, mockUrl, outDir)) }));
