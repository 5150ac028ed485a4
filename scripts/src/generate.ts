import { bundleSpec, openApiPackageFiles } from './bundle.ts';
import { clientPackageFiles } from './client-codegen.ts';
import { reportEnginePackageFiles } from './engine-codegen.ts';
import type { GeneratedFile } from './generated-file.ts';
import { mockServerFiles } from './mock-codegen.ts';

/** Everything `pnpm generate` writes, computed in memory from the spec. */
export async function generateAll(): Promise<GeneratedFile[]> {
  const document = await bundleSpec();
  return [
    ...openApiPackageFiles(document),
    ...(await clientPackageFiles(document)),
    ...(await reportEnginePackageFiles(document)),
    ...mockServerFiles(document),
  ];
}
