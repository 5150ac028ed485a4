// The spec as a JSON module. Import attributes need `module` esnext, node18 or later, so this file
// is compiled for bundler only; the CommonJS consumer (consumer.cts) requires the same file.
import spec from '@toggl-exports/openapi/openapi.json' with { type: 'json' };

export const specVersion: string = spec.openapi;
