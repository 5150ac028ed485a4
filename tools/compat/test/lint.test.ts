// Spectral with the `spectral:oas` ruleset, and swagger-parser's validate(), on the packed spec.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe } from 'vitest';
import { checksOf, problems, run, specYaml, workDir } from './support.ts';

const require = createRequire(import.meta.url);

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

describe('Spectral', () => {
  checksOf('spectral', {
    'no-problems': async () => {
      const ruleset = path.join(workDir(), '.spectral.yaml');
      await writeFile(ruleset, 'extends: ["spectral:oas"]\n');
      const bin = path.join(path.dirname(require.resolve('@stoplight/spectral-cli/package.json')), 'dist/index.js');
      // Exits 1 when it finds an error; the JSON report says what it found either way.
      const { stdout } = await run(process.execPath, [bin, 'lint', specYaml(), '--ruleset', ruleset, '--format', 'json', '--quiet'], {
        env: { ...process.env, SCARF_ANALYTICS: 'false' },
      }).catch((error: { stdout?: string; stderr?: string }) => {
        if (!error.stdout) throw error;
        return { stdout: error.stdout };
      });
      const results = JSON.parse(stdout.trim() === '' ? '[]' : stdout) as SpectralResult[];
      return problems(
        results.map(({ code, message, path: where, severity }) => `${code} (severity ${severity}) at ${where.join('.')}: ${message}`),
      );
    },
  });
});

describe('swagger-parser', () => {
  checksOf('swagger-parser', {
    validates: async () => {
      try {
        await SwaggerParser.validate(specYaml());
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
});
