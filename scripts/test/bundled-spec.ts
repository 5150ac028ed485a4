import { readFileSync } from 'node:fs';
import { bundledSpecJson } from '../src/repo-paths.ts';

interface BundledSpec {
  tags: { name: string }[];
  paths: Record<string, Record<string, { operationId: string; summary: string; tags: string[] }>>;
}

export const readBundledSpec = (): BundledSpec => JSON.parse(readFileSync(bundledSpecJson, 'utf8'));
