// The engine imports nothing Node-only, so it can later run in a browser or a service worker:
// the built entry bundles for the browser, with the browser builds of its dependencies.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

it('bundles for the browser without any Node built-in', async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((input) => input.startsWith('node:') || /^(fs|path|stream|zlib|crypto|buffer|events|util)$/.test(input))).toEqual(
    [],
  );
  // The dependencies that have a browser build are bundled with it.
  expect(inputs.some((input) => input.includes('pdfkit/js/pdfkit.browser'))).toBe(true);
  expect(inputs.some((input) => input.includes('exceljs/dist/exceljs'))).toBe(true);
  // The body checks are compiled when the engine is built: only ajv-formats' format checks come along, not ajv's compiler.
  expect(inputs.some((input) => input.includes('ajv-formats/dist/formats'))).toBe(true);
  expect(inputs.filter((input) => /\/ajv\/dist\//.test(input))).toEqual([]);
}, 120_000);
