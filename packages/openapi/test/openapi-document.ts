import { readFileSync } from 'node:fs';
import { resolveRef } from '@toggl-exports/spec-reader';

export type Json = Record<string, any>;

export const readJson = (relativePath: string): Json => JSON.parse(readFileSync(new URL(relativePath, import.meta.url), 'utf8'));

/** Follows local `$ref`s (`#/components/...`) until it reaches an inline object. */
export const deref = (document: Json, node: Json): Json => resolveRef(document, node, 'the bundled spec');

/** All properties a schema declares, through `$ref` and `allOf`. */
export function propertiesOf(document: Json, schemaNode: Json): Record<string, Json> {
  const schema = deref(document, schemaNode);
  const merged: Record<string, Json> = { ...(schema.properties ?? {}) };
  for (const part of schema.allOf ?? []) Object.assign(merged, propertiesOf(document, part));
  return merged;
}
