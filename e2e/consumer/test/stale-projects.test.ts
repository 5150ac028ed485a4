import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { removeStaleConsumerProjects } from './consumer-project.ts';

let parent: string | undefined;
afterEach(() => (parent ? rm(parent, { recursive: true, force: true }) : undefined));

it('removes consumer projects left untouched for an hour, and nothing else', async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'stale-projects-test-'));
  const now = Date.now();
  const twoHoursAgo = new Date(now - 2 * 60 * 60 * 1000);
  const folders = {
    killedRun: 'toggl-exports-consumer-killed',
    runningRun: 'toggl-exports-consumer-running',
    someoneElses: 'other-tool-old',
  };
  for (const name of Object.values(folders)) {
    await mkdir(path.join(parent, name, 'node_modules'), { recursive: true });
  }
  await writeFile(path.join(parent, 'toggl-exports-consumer-file'), 'not a folder');
  for (const name of [folders.killedRun, folders.someoneElses, 'toggl-exports-consumer-file']) {
    await utimes(path.join(parent, name), twoHoursAgo, twoHoursAgo);
  }

  expect(await removeStaleConsumerProjects(parent, now)).toEqual([path.join(parent, folders.killedRun)]);
  expect((await readdir(parent)).sort()).toEqual([folders.someoneElses, folders.runningRun, 'toggl-exports-consumer-file'].sort());
});
