import path from 'node:path';
import ts from 'typescript';
import type { ReadmeExample } from './examples.js';

export interface ExampleCheckerOptions {
  /**
   * The folder of the package the README belongs to. Examples are compiled as files of that
   * folder with its tsconfig.json, so the package's own name resolves to its built exports
   * (`dist/`, what users install) and other imports resolve from its node_modules.
   */
  packageDir: string;
  /**
   * A module that declares, in `declare global { ... }`, what the blocks use without declaring:
   * names set up by earlier blocks and the reader's own values. A block's own declarations and
   * imports shadow these.
   */
  prelude?: string;
  /**
   * Packages loaded from the README package's own node_modules wherever they are imported, as in
   * a user's install, which has one copy of each. A pnpm workspace can hold two copies of a peer
   * dependency (one per set of its own peers), and a module augmentation (such as
   * `@toggl-exports/mock-server/vitest`'s of `vitest`) is lost when it reaches the other copy.
   */
  singleCopy?: string[];
  /** How diagnostics name the README file. */
  readmeName?: string;
}

/** The problems the compiler finds in one example, each as `README.md:line:column TSxxxx: message`; empty when it compiles. */
export type ExampleChecker = (example: ReadmeExample) => string[];

/**
 * Type-checks README examples one at a time, each as an ES module of its own (a `.js` block
 * without import or export is CommonJS, as Node would run it), together with the prelude.
 */
export function createExampleChecker({
  packageDir,
  prelude,
  singleCopy = [],
  readmeName = 'README.md',
}: ExampleCheckerOptions): ExampleChecker {
  const options = packageCompilerOptions(packageDir);
  if (singleCopy.length > 0) options.paths = { ...options.paths, ...ownCopies(singleCopy, packageDir, options) };
  const preludeFile = path.join(packageDir, 'readme-prelude.mts');
  return (example) => {
    const exampleFile = path.join(packageDir, `readme-example-${example.line}${extension(example)}`);
    const files = new Map([[exampleFile, example.code]]);
    if (prelude !== undefined) files.set(preludeFile, prelude);
    const program = ts.createProgram({ rootNames: [...files.keys()], options, host: compilerHost(options, files) });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      if (!diagnostic.file || diagnostic.start === undefined) return message;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const { fileName } = diagnostic.file;
      const where =
        fileName === exampleFile
          ? `${readmeName}:${example.line + line}`
          : `${fileName === preludeFile ? 'prelude' : path.relative(packageDir, fileName)}:${line + 1}`;
      return `${where}:${character + 1} ${message}`;
    });
  };
}

/** The package's tsconfig.json settings, with JavaScript checked too and every file a module unless it is CommonJS. */
function packageCompilerOptions(packageDir: string): ts.CompilerOptions {
  const configFile = path.join(packageDir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(`${configFile}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
      },
    },
  );
  if (!parsed) throw new Error(`${configFile} could not be read.`);
  return { ...parsed.options, noEmit: true, allowJs: true, checkJs: true, moduleDetection: ts.ModuleDetectionKind.Force };
}

/** Compiler `paths` that send each package name to the declarations it resolves to from `packageDir`. */
function ownCopies(names: string[], packageDir: string, options: ts.CompilerOptions): Record<string, string[]> {
  const importer = path.join(packageDir, 'importer.mts');
  return Object.fromEntries(
    names.map((name) => {
      const resolved = ts.resolveModuleName(name, importer, options, ts.sys, undefined, undefined, ts.ModuleKind.ESNext).resolvedModule;
      if (!resolved) throw new Error(`${name} cannot be found from ${packageDir}.`);
      return [name, [resolved.resolvedFileName]];
    }),
  );
}

/** `.mts` for TypeScript; `.mjs` for JavaScript with import or export, `.cjs` for JavaScript without. */
function extension({ language, code }: ReadmeExample): string {
  if (language === 'ts') return '.mts';
  return ts.isExternalModule(ts.createSourceFile('example.js', code, ts.ScriptTarget.Latest)) ? '.mjs' : '.cjs';
}

// Declaration and library files parse the same for every example: parse each once per process.
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** The file system's compiler host, with `files` (path to text) added in memory. */
function compilerHost(options: ts.CompilerOptions, files: ReadonlyMap<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  return {
    ...host,
    fileExists: (fileName) => files.has(fileName) || fileExists(fileName),
    readFile: (fileName) => files.get(fileName) ?? readFile(fileName),
    getSourceFile: (fileName, languageVersionOrOptions, onError) => {
      const text = files.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
      const key = `${fileName}\0${JSON.stringify(languageVersionOrOptions)}`;
      if (!parsedFiles.has(key)) parsedFiles.set(key, getSourceFile(fileName, languageVersionOrOptions, onError));
      return parsedFiles.get(key);
    },
  };
}
