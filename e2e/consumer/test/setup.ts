import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { createConsumerProject, removeStaleConsumerProjects } from './consumer-project.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The consumer project: the public packages installed from their tarballs with npm. */
    consumerDir: string;
  }
}

/** One pack and one npm install for the whole run; every test works in the same project. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await removeStaleConsumerProjects();
  const dir = await createConsumerProject();
  project.provide('consumerDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
