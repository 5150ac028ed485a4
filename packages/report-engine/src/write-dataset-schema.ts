import { writeFileSync } from 'node:fs';
import { datasetSchema } from './data/dataset-schema.ts';

// Run by `pnpm build` after tsup: publishes the dataset's schema as dist/dataset.schema.json, for editors and other validators.
const schema = { $schema: 'http://json-schema.org/draft-07/schema#', ...datasetSchema };
writeFileSync(new URL('dataset.schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
