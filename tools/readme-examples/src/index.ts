export { readmeExamples, type ReadmeExample } from './examples.js';
export { testReadmeExamples, type TestApi } from './readme-tests.js';
export { createExampleChecker, type ExampleChecker, type ExampleCheckerOptions } from './type-check.js';
