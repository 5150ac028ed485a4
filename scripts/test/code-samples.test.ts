import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readExportOperations } from '@toggl-exports/spec-reader';
import { bundledSpec, seedEndpoints, tinySpec } from '@toggl-exports/spec-reader/testing';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  codeSamples,
  curlSample,
  pythonSample,
  SAMPLE_LANGUAGES,
  sampleRequests,
  sampleServerUrl,
  typescriptSample,
  withCodeSamples,
} from '../src/code-samples.ts';
import { docsConfig, docsSpec } from '../src/docs.ts';
import { redocly } from '../src/redocly.ts';

const server = (spec: Record<string, any>, url = 'https://api.example.com'): Record<string, any> => ({ ...spec, servers: [{ url }] });

describe('sample requests', () => {
  it('takes the first server, the path parameter examples, the extension example and the example body', () => {
    const spec = server(tinySpec(), 'https://api.example.com/');
    spec['components'].parameters.extension.example = 'csv';
    expect(sampleRequests(spec)).toEqual([
      {
        operationId: 'exportThingReport',
        format: 'csv',
        serverUrl: 'https://api.example.com',
        url: 'https://api.example.com/things/42.csv',
        parameters: [{ name: 'thing_id', clientName: 'thingId', value: 42 }],
        takesFormat: true,
        body: { since: '2026-10-01' },
        fileName: 'thing-report.csv',
      },
    ]);
  });

  it('takes the first format without an extension example, and a string parameter as a string', () => {
    const spec = server(tinySpec());
    spec['paths']['/things/{thing_id}.{extension}'].post.parameters[0].schema = { type: 'string' };
    const [request] = sampleRequests(spec);
    expect(request).toMatchObject({ format: 'csv', parameters: [{ value: '42' }] });
  });

  it('has no body where the operation documents none', () => {
    const spec = server(tinySpec({ requestBody: undefined }));
    const [request] = sampleRequests(spec);
    expect(request!.body).toBeUndefined();
    expect(curlSample(request!)).not.toContain('-d ');
    expect(typescriptSample(request!)).not.toContain('body:');
    expect(pythonSample(request!)).not.toContain('json=');
  });

  it('needs an absolute server URL', () => {
    expect(() => sampleRequests(tinySpec())).toThrow(/first entry of "servers" has no absolute http\(s\) url/);
    expect(() => sampleServerUrl(server(tinySpec(), '/relative'))).toThrow(/servers/);
  });
});

describe('templates', () => {
  const [request] = sampleRequests(server(tinySpec()));

  it('writes cURL in the style of Toggl’s docs, with the API token and an output file', () => {
    expect(curlSample(request!)).toBe(
      [
        'curl -X POST https://api.example.com/things/42.csv \\',
        '  -H "Content-Type: application/json" \\',
        `  -d '{"since":"2026-10-01"}' \\`,
        '  -u "$TOGGL_API_TOKEN:api_token" \\',
        '  --output thing-report.csv',
        '',
      ].join('\n'),
    );
  });

  it('quotes a body with a single quote for the shell', () => {
    const source = curlSample({ ...request!, body: { description: "Ada's" } });
    expect(source).toContain(`-d '{"description":"Ada'\\''s"}'`);
  });

  it('writes a TypeScript call of the client method named by the operationId', () => {
    expect(typescriptSample(request!)).toBe(
      [
        "import { createTogglExportsClient } from '@toggl-exports/client/node';",
        '',
        'const toggl = createTogglExportsClient(',
        '  { apiToken: process.env.TOGGL_API_TOKEN! },',
        "  { baseUrl: 'https://api.example.com' },",
        ');',
        '',
        'const file = await toggl.exportThingReport({',
        '  thingId: 42,',
        "  format: 'csv',",
        '  body: {',
        "    since: '2026-10-01',",
        '  },',
        '});',
        "await file.saveTo('thing-report.csv');",
        '',
      ].join('\n'),
    );
  });

  it('writes a Python requests call', () => {
    expect(pythonSample(request!)).toBe(
      [
        'import os',
        '',
        'import requests',
        '',
        'response = requests.post(',
        '    "https://api.example.com/things/42.csv",',
        '    json={',
        '        "since": "2026-10-01",',
        '    },',
        '    auth=(os.environ["TOGGL_API_TOKEN"], "api_token"),',
        ')',
        'response.raise_for_status()',
        'with open("thing-report.csv", "wb") as file:',
        '    file.write(response.content)',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON values as TypeScript and Python literals', () => {
    const body = { ids: [1, null], on: true, off: false, nested: { 'a-b': "it's", list: [{ x: 1 }] }, empty: {} };
    const ts = typescriptSample({ ...request!, body });
    expect(ts).toContain('    ids: [1, null],\n    on: true,\n    off: false,\n');
    expect(ts).toContain("      'a-b': 'it\\'s',\n      list: [\n        {\n          x: 1,\n        },\n      ],\n");
    expect(ts).toContain('    empty: {},\n');
    const py = pythonSample({ ...request!, body });
    expect(py).toContain('        "ids": [1, None],\n        "on": True,\n        "off": False,\n');
    expect(py).toContain(
      '            "a-b": "it\'s",\n            "list": [\n                {\n                    "x": 1,\n                },\n            ],\n',
    );
    expect(py).toContain('        "empty": {},\n');
  });
});

describe('the bundled spec with samples', () => {
  const spec = bundledSpec();
  const documented = withCodeSamples(spec);
  const operations = readExportOperations(documented);

  it('gives every export operation a cURL, a TypeScript and a Python sample', () => {
    expect(operations.map(({ operationId }) => operationId).sort()).toEqual(
      seedEndpoints()
        .map(({ operationId }) => operationId)
        .sort(),
    );
    for (const { operationId, operation } of operations) {
      const samples = operation['x-codeSamples'] as { lang: string; label: string; source: string }[];
      expect(
        samples.map(({ label }) => label),
        operationId,
      ).toEqual(['cURL', 'TypeScript', 'Python']);
      expect(samples[1]!.source, operationId).toContain(`await toggl.${operationId}({`);
      for (const { source, label } of samples) {
        expect(source.split(sampleServerUrl(spec)).length - 1, `${operationId} ${label}`).toBe(1);
      }
    }
  });

  it('sends each operation’s example: path, format and body', () => {
    for (const request of sampleRequests(spec)) {
      const { operation } = operations.find(({ operationId }) => operationId === request.operationId)!;
      const [curl = '', ts = '', python = ''] = (operation['x-codeSamples'] as { source: string }[]).map(({ source }) => source);
      expect(curl).toContain(`curl -X POST ${request.url} \\`);
      expect(python).toContain(`    "${request.url}",`);
      if (request.body !== undefined) expect(curl).toContain(`-d '${JSON.stringify(request.body)}'`);
      expect(ts).toContain(request.takesFormat ? `  format: '${request.format}',` : '});');
      expect([curl, ts, python].every((source) => source.includes(request.fileName))).toBe(true);
    }
  });

  it('leaves the spec it is given as it was', () => {
    expect(spec).toEqual(bundledSpec());
    expect(JSON.stringify(spec)).not.toContain('x-codeSamples');
  });

  it('names the same languages in the docs config, in the same order', async () => {
    const config = parse(await docsConfig());
    expect(config.openapi.codeSamples.languages).toEqual(SAMPLE_LANGUAGES.map(({ lang, label }) => ({ lang, label })));
    expect(codeSamples(sampleRequests(spec)[0]!).map(({ label }) => label)).toEqual(SAMPLE_LANGUAGES.map(({ label }) => label));
  });

  it('lints with 0 problems, samples included', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'toggl-exports-docs-lint-'));
    try {
      const file = path.join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(await docsSpec()));
      const report = JSON.parse(await redocly(['lint', file, '--format', 'json']));
      expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
