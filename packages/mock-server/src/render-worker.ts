import { move } from 'piscina';
import { renderFile } from './render-file.ts';
import type { RenderJob } from './render-pool.ts';

/** A render thread's task (see render-pool.ts): the file's bytes are moved to the server's thread, not copied. */
export default async function renderJob({ report, format }: RenderJob) {
  return move(await renderFile(report, format));
}
