import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleSize {
  minifiedBytes: number;
  gzippedBytes: number;
}

export interface BundleSizeResult {
  client: BundleSize;
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

/** The client's whole main entry (which includes openapi-fetch for `raw`), next to openapi-fetch alone. */
export async function measureBundleSize(): Promise<BundleSizeResult> {
  return {
    client: await bundleSize("export * from '@toggl-exports/client';"),
    openapiFetch: await bundleSize("export { default } from 'openapi-fetch';"),
  };
}
