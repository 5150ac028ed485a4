import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const specEntry = path.join(repoRoot, 'spec/openapi.yaml');
export const redoclyConfig = path.join(repoRoot, 'redocly.yaml');
export const bundledSpecJson = path.join(repoRoot, 'packages/openapi/openapi.json');
export const defaultDocsFile = path.join(repoRoot, 'dist/docs/index.html');
