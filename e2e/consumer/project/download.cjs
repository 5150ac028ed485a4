// <runtime> download.cjs <mock URL> <output folder>: the client's main entry loaded with `require`,
// one file in each format downloaded (download-each.cjs). Runs on Node, Bun and Deno alike.
const main = require('@toggl-exports/client');
const { downloadEach } = require('./download-each.cjs');

const [mockUrl, outDir] = process.argv.slice(2);
downloadEach(main, mockUrl, outDir).then(
  (result) => console.log(JSON.stringify({ entryFile: require.resolve('@toggl-exports/client'), ...result })),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
