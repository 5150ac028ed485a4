// node cjs.cjs <mock URL> <output folder>: our packages loaded with `require`.
const main = require('@toggl-exports/client');
const node = require('@toggl-exports/client/node');
const raw = require('@toggl-exports/client/raw');
const mockServer = require('@toggl-exports/mock-server');
const mockControl = require('@toggl-exports/mock-server/control');
const engine = require('@toggl-exports/report-engine');
const spec = require('@toggl-exports/openapi/openapi.json');
const { entrySpecifiers, exercise } = require('./exercise.cjs');

const [mockUrl, outDir] = process.argv.slice(2);
const entryFiles = entrySpecifiers.map((specifier) => require.resolve(specifier));
exercise({ main, node, raw, mockServer, mockControl, engine, spec, mockUrl, outDir }).then(
  (result) => console.log(JSON.stringify({ entryFiles, ...result })),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
