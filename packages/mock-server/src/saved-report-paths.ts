/**
 * Toggl's own Swagger (2026) serves saved reports at `/reports/api/v3/shared/{token}/csv` and
 * `/xlsx`, where the documentation the spec follows has `.csv` and `.xlsx` (`/pdf` in both). The
 * mock answers both forms: a slash form is answered as the spec's path (DEVIATIONS.md #40).
 */
const SLASH_FORM = /^(\/reports\/api\/v3\/shared\/[^/]+)\/(csv|xlsx)$/;

/** The spec's path for a request path: the documented `.csv`/`.xlsx` form of a saved report's slash form, else the path itself. */
export const specPathOf = (path: string): string => path.replace(SLASH_FORM, '$1.$2');
