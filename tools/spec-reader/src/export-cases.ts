import { readExportOperations } from './export-operations.ts';
import { type ExportFormat, MEDIA_TYPES } from './formats.ts';
import { isJsonObject, type JsonObject, type OpenApiDocument } from './refs.ts';

/** One export in one of its formats, as a request that tests and the bench can send. */
export interface ExportCase {
  operationId: string;
  format: ExportFormat;
  mediaType: string;
  /** A concrete path, with each path parameter's example: `/reports/api/v3/workspace/1234567/search/time_entries.csv`. */
  path: string;
  /** The examples the path was filled with, by parameter name (`workspace_id`, `report_token`); `extension` is `format`. */
  parameters: Record<string, string>;
  /** The operation's documented example body; undefined for one that documents none. */
  body: JsonObject | undefined;
  /** Answers without credentials too (public saved reports). */
  authOptional: boolean;
}

/**
 * Every export operation of the spec in every format it serves, in the spec's order (then csv,
 * xlsx, pdf), with the spec's own examples filled in: the list that tests and the bench send.
 */
export function exportCases(spec: OpenApiDocument): ExportCase[] {
  return readExportOperations(spec).flatMap(({ operationId, path, formats, label, parameters, jsonBody, authOptional }) => {
    const example = (name: string) => {
      const parameter = parameters.find((candidate) => candidate['name'] === name);
      if (parameter?.['example'] === undefined)
        throw new Error(`${label}: its path parameter "${name}" has no example to fill the path with`);
      return String(parameter['example']);
    };
    const body = isJsonObject(jsonBody?.['example']) ? jsonBody['example'] : undefined;
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).filter((name) => name !== 'extension');
    const values = Object.fromEntries(names.map((name) => [name, example(name)]));
    return formats.map((format) => ({
      operationId,
      format,
      mediaType: MEDIA_TYPES[format],
      path: path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'extension' ? format : (values[name] as string))),
      parameters: values,
      body,
      authOptional,
    }));
  });
}
