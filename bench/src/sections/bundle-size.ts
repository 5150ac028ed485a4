import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleSize {
  minifiedBytes: number;
  gzippedBytes: number;
}

export interface BundleSizeResult {
  /** The main entry: what every app that uses the client bundles. */
  client: BundleSize;
  /** The main entry and the raw entry (`rawClient`), which brings openapi-fetch along. */
  clientWithRaw: BundleSize;
  openapiFetch: BundleSize;
}

/** One entry bundled for the browser, minified, then gzipped at the highest level. */
async function bundleSize(entry: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entry, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minifiedBytes: code.length, gzippedBytes: gzipSync(code, { level: 9 }).length };
}

/** Everything the client's main entry exports, then with its raw entry too, next to openapi-fetch alone. */
export async function measureBundleSize(): Promise<BundleSizeResult> {
  return {
    client: await bundleSize("export * from '@toggl-exports/client';"),
    clientWithRaw: await bundleSize("export * from '@toggl-exports/client'; export * from '@toggl-exports/client/raw';"),
    openapiFetch: await bundleSize("export { default } from 'openapi-fetch';"),
  };
}
