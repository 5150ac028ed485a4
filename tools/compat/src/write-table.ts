// pnpm --filter @toggl-exports/compat table: prints the expectations table and writes it into
// packages/openapi/README.md between its markers.
import { README, renderTable, writeReadmeTable } from './table.ts';

console.log(renderTable());
console.log((await writeReadmeTable()) ? `\nwritten to ${README}` : `\n${README} already up to date`);
