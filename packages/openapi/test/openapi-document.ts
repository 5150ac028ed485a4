import { readFileSync } from 'node:fs';

export type Json = Record<string, any>;

export const readJson = (relativePath: string): Json =>
  JSON.parse(readFileSync(new URL(relativePath, import.meta.url), 'utf8'));

/** Follows local `$ref`s (`#/components/...`) until it reaches an inline object. */
export function deref(document: Json, node: Json): Json {
  let current = node;
  while (typeof current.$ref === 'string') {
    const pointer = current.$ref.replace(/^#\//, '').split('/');
    current = pointer.reduce((at: Json, key: string) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
    if (!current) throw new Error(`unresolved $ref ${node.$ref}`);
  }
  return current;
}

/** All properties a schema declares, through `$ref` and `allOf`. */
export function propertiesOf(document: Json, schemaNode: Json): Record<string, Json> {
  const schema = deref(document, schemaNode);
  const merged: Record<string, Json> = { ...(schema.properties ?? {}) };
  for (const part of schema.allOf ?? []) Object.assign(merged, propertiesOf(document, part));
  return merged;
}
