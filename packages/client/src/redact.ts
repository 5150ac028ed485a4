/** Replaces every credential string in `text`. */
export const redact = (text: string, secrets: readonly string[]): string =>
  secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);

/** Whether an error, or an error it was caused by, mentions a credential in its message or stack. */
export function mentionsSecret(error: unknown, secrets: readonly string[]): boolean {
  let current = error as { message?: unknown; stack?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current != null && depth < 8; depth++, current = current.cause as typeof current) {
    const text = typeof current === 'object' ? `${String(current.message)} ${String(current.stack)}` : String(current);
    if (secrets.some((secret) => text.includes(secret))) return true;
    if (typeof current !== 'object') break;
  }
  return false;
}
