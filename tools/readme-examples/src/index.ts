export { type ReadmeExample, readmeExamples } from './examples.js';
export { type TestApi, testReadmeExamples } from './readme-tests.js';
export { createExampleChecker, type ExampleChecker, type ExampleCheckerOptions } from './type-check.js';
