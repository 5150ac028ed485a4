/** An OpenAPI document as JSON: the bundled spec, or any part of it. */
export type OpenApiDocument = Record<string, unknown>;
export type JsonObject = Record<string, unknown>;

const MAX_REF_HOPS = 32;

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows local `$ref`s (`#/components/...`, as the bundle leaves them) until it reaches an object. */
export function resolveRef(spec: OpenApiDocument, value: unknown, where: string): JsonObject {
  let current = value;
  for (let hops = 0; isJsonObject(current) && typeof current['$ref'] === 'string'; hops += 1) {
    const ref = current['$ref'];
    if (hops >= MAX_REF_HOPS) throw new Error(`${where}: $ref chain "${ref}" is too long or circular`);
    if (!ref.startsWith('#/')) throw new Error(`${where}: only local $refs (#/...) are supported, found "${ref}"`);
    current = ref
      .slice(2)
      .split('/')
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((node, key) => (isJsonObject(node) ? node[key] : undefined), spec);
    if (current === undefined) throw new Error(`${where}: $ref "${ref}" points to nothing in the spec`);
  }
  if (!isJsonObject(current)) throw new Error(`${where} is not an object`);
  return current;
}
