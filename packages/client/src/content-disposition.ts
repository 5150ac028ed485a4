// `filename` (plain or quoted) and RFC 5987 `filename*` parameters of a Content-Disposition header.
const filenameParameter = /;\s*(filename\*?)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/gi;
const extendedValue = /^([\w!#$%&+^`{|}~-]+)'[^']*'(.*)$/;

/** Decodes `UTF-8''na%C3%AFve.csv` (RFC 5987); undefined for charsets other than UTF-8 and ISO-8859-1. */
function decodeExtended(value: string): string | undefined {
  const [, charset = '', encoded = ''] = extendedValue.exec(value) ?? [];
  try {
    if (/^utf-8$/i.test(charset)) return decodeURIComponent(encoded);
    if (/^iso-8859-1$/i.test(charset)) {
      return encoded.replace(/%([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  } catch {
    // Malformed percent-encoding: fall back to the plain `filename`.
  }
  return undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters a file name must not keep
const controlCharacters = /[\u0000-\u001f\u007f]/g;

/** Keeps only the last path segment, so a server-sent name can never point outside the folder it is saved in. */
function safeName(name: string | undefined): string | undefined {
  const base = name?.split(/[\\/]/).pop()?.replace(controlCharacters, '').trim();
  return base && base !== '.' && base !== '..' ? base : undefined;
}

/**
 * The file name a Content-Disposition header suggests (RFC 6266): `filename*` wins over `filename`,
 * directories are dropped. Undefined when the header names no usable file.
 */
export function filenameFromContentDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  let plain: string | undefined;
  let extended: string | undefined;
  for (const [, key = '', quoted, token] of header.matchAll(filenameParameter)) {
    if (key.endsWith('*')) extended ??= decodeExtended(quoted ?? token ?? '');
    else plain ??= quoted === undefined ? token : quoted.replace(/\\(.)/g, '$1');
  }
  return safeName(extended) ?? safeName(plain);
}
