/** Replaces every secret in `text` with `***`; applied to everything the CLI prints. */
export function mask(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) if (secret) masked = masked.split(secret).join('***');
  return masked;
}

/** The token and the forms it travels in (HTTP Basic: `<token>:api_token`, base64), to mask wherever they might show up. */
export function secretsOf(token: string | undefined): string[] {
  if (!token) return [];
  return [token, btoa(`${token}:api_token`)];
}
