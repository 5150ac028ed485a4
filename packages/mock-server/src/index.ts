export type { Dataset, DatasetProblem } from '@toggl-exports/report-engine';
export { DatasetError } from './dataset.ts';
export { type MockServer, type MockServerOptions, startMockServer } from './server.ts';
export { UnreadableFileError } from './user-file.ts';
