import { bundleSpec, openApiPackageFiles } from './bundle.ts';
import { clientPackageFiles } from './client-codegen.ts';
import { reportEnginePackageFiles } from './engine-codegen.ts';
import type { GeneratedFile } from './generated-file.ts';
import { mockServerFiles } from './mock-codegen.ts';
import { renderTypesModule } from './types-codegen.ts';

/** Everything `pnpm generate` writes, computed in memory from the spec. */
export async function generateAll(): Promise<GeneratedFile[]> {
  const document = await bundleSpec();
  // One types module, written into both the client and the report engine.
  const typesModule = await renderTypesModule(document);
  return [
    ...(await openApiPackageFiles(document)),
    ...clientPackageFiles(document, typesModule),
    ...reportEnginePackageFiles(document, typesModule),
    ...mockServerFiles(document),
  ];
}
