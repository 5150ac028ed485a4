import type { OpenApiDocument } from '@toggl-exports/spec-reader';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { DO_NOT_EDIT } from './generated-file.ts';

/** `paths`, `operations` and `components` types of the spec, by openapi-typescript: the client's and the report engine's `openapi.ts`. */
export async function renderTypesModule(document: OpenApiDocument): Promise<string> {
  // Fields with a default are optional in a request body: the server fills them in.
  const ast = await openapiTS(structuredClone(document) as unknown as OpenAPI3, { silent: true, defaultNonNullable: false });
  return `// ${DO_NOT_EDIT}\n\n${astToString(ast)}`;
}
