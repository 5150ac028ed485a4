// The examples here are compiled as files of this package, with its tsconfig.json and its
// dependencies (typescript, markdown-it), the way a package's README test compiles its own.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ReadmeExample, readmeExamples } from '../src/examples.ts';
import { createExampleChecker, type ExampleCheckerOptions } from '../src/type-check.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The one example of a README made of `before` (lines of prose) and a fenced block. */
function example(language: string, code: string, before: string[] = []): ReadmeExample {
  const [found] = readmeExamples([...before, `\`\`\`${language}`, code, '```'].join('\n'));
  if (!found) throw new Error('no example found');
  return found;
}

const diagnostics = (target: ReadmeExample, options: Partial<ExampleCheckerOptions> = {}) =>
  createExampleChecker({ packageDir, ...options })(target);

// Compiling one block takes about a second (more for the first, which loads the libraries); the
// limit only guards against a hang.
describe('createExampleChecker', { timeout: 60_000 }, () => {
  it('finds nothing in a block that compiles, imports and top-level await included', () => {
    const code = [
      "import ts from 'typescript';",
      "const source = await Promise.resolve('let a = 1;');",
      'ts.createSourceFile("a.ts", source, ts.ScriptTarget.Latest);',
    ].join('\n');
    expect(diagnostics(example('ts', code))).toEqual([]);
  });

  it('names the README line and column of each problem', () => {
    const code = [
      "import ts from 'typescript';",
      '',
      'ts.createSourceFil("a.ts", "", ts.ScriptTarget.Latest);',
      'const range: ts.TextRange = { pos: 0, end: 1, length: 1 };',
    ].join('\n');
    expect(diagnostics(example('ts', code, ['# Title', '', 'Some prose.', '']), { readmeName: 'docs/GUIDE.md' })).toEqual([
      "docs/GUIDE.md:8:4 TS2551: Property 'createSourceFil' does not exist on type 'typeof ts'. Did you mean 'createSourceFile'?",
      "docs/GUIDE.md:9:47 TS2353: Object literal may only specify known properties, and 'length' does not exist in type 'TextRange'.",
    ]);
  });

  it("checks with the package's tsconfig.json (here strict, with noUncheckedIndexedAccess)", () => {
    expect(diagnostics(example('ts', "const first: string = ['a'][0];"))).toEqual([
      "README.md:2:7 TS2322: Type 'string | undefined' is not assignable to type 'string'.\n  Type 'undefined' is not assignable to type 'string'.",
    ]);
  });

  it("gives blocks the prelude's globals, which their own declarations and imports shadow", () => {
    const prelude = [
      "import type { Token } from 'markdown-it';",
      'declare global {',
      '  const count: number;',
      '  const token: Token;',
      '}',
    ].join('\n');
    expect(diagnostics(example('ts', 'const twice: number = count * 2;\ntoken.content.trim();'), { prelude })).toEqual([]);
    expect(diagnostics(example('ts', "const count = 'three';\ncount.toUpperCase();"), { prelude })).toEqual([]);
    expect(diagnostics(example('ts', 'const missing: number = total;'), { prelude })).toEqual([
      "README.md:2:25 TS2304: Cannot find name 'total'.",
    ]);
  });

  it('names problems in the prelude as such', () => {
    const prelude = 'declare global {\n  const count: Count;\n}';
    expect(diagnostics(example('ts', 'count;'), { prelude })).toEqual(["prelude:2:16 TS2304: Cannot find name 'Count'."]);
  });

  it('checks JavaScript, as an ES module when it imports or exports and as CommonJS otherwise', () => {
    expect(diagnostics(example('js', "import ts from 'typescript';\nawait Promise.resolve(ts.version);"))).toEqual([]);
    expect(diagnostics(example('js', "const ts = require('typescript');\nts.versionn;"))).toEqual([
      "README.md:3:4 TS2551: Property 'versionn' does not exist on type 'typeof ts'. Did you mean 'version'?",
    ]);
    expect(diagnostics(example('js', "const ts = require('typescript');\nawait Promise.resolve(ts.version);"))).toEqual([
      "README.md:3:1 TS1309: The current file is a CommonJS module and cannot use 'await' at the top level.",
    ]);
  });

  it('reports an import the package cannot resolve', () => {
    expect(diagnostics(example('ts', "import { nothing } from 'no-such-package';"))).toEqual([
      "README.md:2:25 TS2307: Cannot find module 'no-such-package' or its corresponding type declarations.",
    ]);
  });

  it('says which single-copy package it cannot find', () => {
    expect(() => createExampleChecker({ packageDir, singleCopy: ['no-such-package'] })).toThrow(
      `no-such-package cannot be found from ${packageDir}.`,
    );
  });
});
