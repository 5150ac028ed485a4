// node esm.mjs <mock URL> <output folder>: our packages loaded with `import`.
import { createRequire } from 'node:module';
import * as main from '@toggl-exports/client';
import * as node from '@toggl-exports/client/node';
import * as raw from '@toggl-exports/client/raw';
import * as mockServer from '@toggl-exports/mock-server';
import * as mockControl from '@toggl-exports/mock-server/control';
import spec from '@toggl-exports/openapi/openapi.json' with { type: 'json' };
import * as engine from '@toggl-exports/report-engine';

const { entrySpecifiers, exercise } = createRequire(import.meta.url)('./exercise.cjs');
const [mockUrl, outDir] = process.argv.slice(2);
const entryFiles = entrySpecifiers.map((specifier) => import.meta.resolve(specifier));
console.log(
  JSON.stringify({ entryFiles, ...(await exercise({ main, node, raw, mockServer, mockControl, engine, spec, mockUrl, outDir })) }),
);
