/*
 * The code samples of the API docs: for every export operation, a cURL command, a TypeScript call
 * with @toggl-exports/client and a Python `requests` call, built from the spec alone (its first
 * server, each operation's path, the examples of its path parameters and its example body) and
 * added to the operations as `x-codeSamples`, which Redocly renders as tabs beside the operation.
 * One template per language below; nothing is written per operation.
 */
import {
  type ExportCase,
  type ExportFormat,
  exportCases,
  isJsonObject,
  type OpenApiDocument,
  readExportOperations,
  resolveRef,
} from '@toggl-exports/spec-reader';
import { operationRows } from './client-codegen.ts';

/** One entry of an operation's `x-codeSamples`, as Redocly reads it: `label` names the tab, `lang` picks the highlighting. */
export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/** A path parameter of a sample request: its name in the spec, its name in the client, and its example. */
export interface SampleParameter {
  name: string;
  clientName: string;
  value: string | number;
}

/** The one request an operation's samples send, in all three languages alike. */
export interface SampleRequest {
  operationId: string;
  format: ExportFormat;
  /** The spec's first server, without a trailing slash: the client's `baseUrl`. */
  serverUrl: string;
  /** The spec's first server and the operation's path, its parameters filled with their examples. */
  url: string;
  /** The path parameters but `extension` (which the client takes as `format`), in the path's order. */
  parameters: SampleParameter[];
  /** Whether the client's method takes `format`: the path ends in `.{extension}`. */
  takesFormat: boolean;
  /** The operation's example body, undefined if it documents none. */
  body: unknown;
  /** The file the sample saves the answer to: the client's default name, `detailed-report.csv`. */
  fileName: string;
}

/** The environment variable the samples read the API token from. */
export const API_TOKEN_VARIABLE = 'TOGGL_API_TOKEN';

const camelCase = (name: string) => name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** The URL every sample is sent to: the spec's first server (Toggl's own). */
export function sampleServerUrl(spec: OpenApiDocument): string {
  const [first] = Array.isArray(spec['servers']) ? spec['servers'] : [];
  const url = isJsonObject(first) ? first['url'] : undefined;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    throw new Error('The spec\'s first entry of "servers" has no absolute http(s) url for the code samples to send to');
  }
  return url.replace(/\/+$/, '');
}

/**
 * One request per export operation, in the spec's order: the format that the `extension`
 * parameter's example names (else the operation's first), with the spec's examples.
 */
export function sampleRequests(spec: OpenApiDocument): SampleRequest[] {
  const serverUrl = sampleServerUrl(spec);
  const cases = exportCases(spec);
  const fileNames = new Map(operationRows(spec).map(({ operationId, fileName }) => [operationId, fileName]));
  return readExportOperations(spec).map(({ operationId, path, formats, parameters, label }) => {
    const extension = parameters.find((parameter) => parameter['name'] === 'extension' && parameter['in'] === 'path');
    const preferred = formats.find((format) => format === extension?.['example']) ?? formats[0];
    const chosen = cases.find((candidate) => candidate.operationId === operationId && candidate.format === preferred) as ExportCase;
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).filter((name) => name !== 'extension');
    return {
      operationId,
      format: chosen.format,
      serverUrl,
      url: serverUrl + chosen.path,
      parameters: names.map((name) => {
        const parameter = parameters.find((candidate) => candidate['name'] === name && candidate['in'] === 'path');
        const schema = resolveRef(spec, parameter?.['schema'] ?? {}, `${label} parameter ${name} schema`);
        const text = chosen.parameters[name] as string;
        const numeric = (schema['type'] === 'integer' || schema['type'] === 'number') && Number.isFinite(Number(text));
        return { name, clientName: camelCase(name), value: numeric ? Number(text) : text };
      }),
      takesFormat: path.endsWith('.{extension}'),
      body: chosen.body,
      fileName: `${fileNames.get(operationId) ?? operationId}.${chosen.format}`,
    };
  });
}

// --- cURL, in the style of Toggl's own docs ---------------------------------------------------

/** A word for a POSIX shell: in single quotes, each `'` closed, escaped and reopened. */
const shellQuote = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

export function curlSample(request: SampleRequest): string {
  const lines = [
    `curl -X POST ${shellQuote(request.url)}`,
    ...(request.body === undefined ? [] : ['-H "Content-Type: application/json"', `-d ${shellQuote(JSON.stringify(request.body))}`]),
    `-u "$${API_TOKEN_VARIABLE}:api_token"`,
    `--output ${shellQuote(request.fileName)}`,
  ];
  return `${lines.join(' \\\n  ')}\n`;
}

// --- TypeScript, with @toggl-exports/client ---------------------------------------------------

const tsString = (text: string) =>
  `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
const tsKey = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : tsString(key));

/** A JSON value as a TypeScript literal: objects one property a line, arrays of plain values on one line. */
function tsLiteral(value: unknown, indent: string): string {
  if (typeof value === 'string') return tsString(value);
  if (Array.isArray(value)) {
    if (value.every((item) => !isJsonObject(item) && !Array.isArray(item)))
      return `[${value.map((item) => tsLiteral(item, indent)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((item) => `${inner}${tsLiteral(item, inner)},\n`).join('')}${indent}]`;
  }
  if (isJsonObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([key, item]) => `${inner}${tsKey(key)}: ${tsLiteral(item, inner)},\n`).join('')}${indent}}`;
  }
  return JSON.stringify(value);
}

export function typescriptSample(request: SampleRequest): string {
  const args = [
    ...request.parameters.map(({ clientName, value }) => `  ${clientName}: ${typeof value === 'number' ? value : tsString(value)},`),
    ...(request.takesFormat ? [`  format: ${tsString(request.format)},`] : []),
    ...(request.body === undefined ? [] : [`  body: ${tsLiteral(request.body, '  ')},`]),
  ];
  return [
    "import { createTogglExportsClient } from '@toggl-exports/client/node';",
    '',
    'const toggl = createTogglExportsClient(',
    `  { apiToken: process.env.${API_TOKEN_VARIABLE}! },`,
    `  { baseUrl: ${tsString(request.serverUrl)} },`,
    ');',
    '',
    `const file = await toggl.${request.operationId}({`,
    ...args,
    '});',
    `await file.saveTo(${tsString(request.fileName)});`,
    '',
  ].join('\n');
}

// --- Python, with requests ---------------------------------------------------------------------

/** A JSON value as a Python literal (JSON's string escapes are Python's too). */
function pythonLiteral(value: unknown, indent: string): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) {
    if (value.every((item) => !isJsonObject(item) && !Array.isArray(item)))
      return `[${value.map((item) => pythonLiteral(item, indent)).join(', ')}]`;
    const inner = `${indent}    `;
    return `[\n${value.map((item) => `${inner}${pythonLiteral(item, inner)},\n`).join('')}${indent}]`;
  }
  if (isJsonObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}    `;
    return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, inner)},\n`).join('')}${indent}}`;
  }
  return JSON.stringify(value);
}

export function pythonSample(request: SampleRequest): string {
  return [
    'import os',
    '',
    'import requests',
    '',
    'response = requests.post(',
    `    ${JSON.stringify(request.url)},`,
    ...(request.body === undefined ? [] : [`    json=${pythonLiteral(request.body, '    ')},`]),
    `    auth=(os.environ[${JSON.stringify(API_TOKEN_VARIABLE)}], "api_token"),`,
    ')',
    'response.raise_for_status()',
    `with open(${JSON.stringify(request.fileName)}, "wb") as file:`,
    '    file.write(response.content)',
    '',
  ].join('\n');
}

// --- Into the spec the docs render -----------------------------------------------------------

/**
 * The languages of the samples, in the order of the docs' tabs: the tab's name (`label`), the
 * highlighting (`lang`) and the template. The docs' Redocly config lists the same languages.
 */
export const SAMPLE_LANGUAGES: readonly { label: string; lang: string; render: (request: SampleRequest) => string }[] = [
  { label: 'cURL', lang: 'Shell', render: curlSample },
  { label: 'TypeScript', lang: 'TypeScript', render: typescriptSample },
  { label: 'Python', lang: 'Python', render: pythonSample },
];

/** The samples of one request, one per language. */
export function codeSamples(request: SampleRequest): CodeSample[] {
  return SAMPLE_LANGUAGES.map(({ label, lang, render }) => ({ lang, label, source: render(request) }));
}

/** A copy of the spec with `x-codeSamples` on every export operation; the spec given is left as it is. */
export function withCodeSamples(spec: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(spec);
  const samples = new Map(sampleRequests(copy).map((request) => [request.operationId, codeSamples(request)]));
  for (const [path, rawPathItem] of Object.entries(copy['paths'] as Record<string, unknown>)) {
    const pathItem = resolveRef(copy, rawPathItem, `paths.${path}`);
    const operation = pathItem['post'];
    if (isJsonObject(operation) && typeof operation['operationId'] === 'string') {
      operation['x-codeSamples'] = samples.get(operation['operationId']);
    }
  }
  return copy;
}
