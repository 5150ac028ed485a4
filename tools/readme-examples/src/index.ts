export { readmeExamples, type ReadmeExample } from './examples.js';
export { createExampleChecker, type ExampleChecker, type ExampleCheckerOptions } from './type-check.js';
