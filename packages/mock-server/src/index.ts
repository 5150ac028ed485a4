export { DatasetError } from './dataset.ts';
export { startMockServer, type MockServer, type MockServerOptions } from './server.ts';
export type { Dataset, DatasetProblem } from '@toggl-exports/report-engine';
