import { describe, expect, it } from 'vitest';
import { readmeExamples } from '../src/examples.ts';

const fence = '```';

describe('readmeExamples', () => {
  it('finds ts, typescript, js and javascript blocks with the README line of their first line of code', () => {
    const markdown = [
      '# Title', // 1
      '', // 2
      `${fence}ts`, // 3
      'const a = 1;', // 4
      fence, // 5
      `${fence}sh`, // 6
      'npm install', // 7
      fence, // 8
      `${fence}TypeScript title="b.ts"`, // 9
      'const b = 2;', // 10
      'const c = 3;', // 11
      fence, // 12
      fence, // 13
      'plain', // 14
      fence, // 15
      '~~~js', // 16
      'const d = 4;', // 17
      '~~~', // 18
      '- a list item:', // 19
      '', // 20
      `  ${fence}javascript`, // 21
      '  const e = 5;', // 22
      `  ${fence}`, // 23
    ].join('\n');
    expect(readmeExamples(markdown)).toEqual([
      { language: 'ts', line: 4, code: 'const a = 1;\n' },
      { language: 'ts', line: 10, code: 'const b = 2;\nconst c = 3;\n' },
      { language: 'js', line: 17, code: 'const d = 4;\n' },
      { language: 'js', line: 22, code: 'const e = 5;\n' },
    ]);
  });

  it('takes the reason from a "not type-checked" marker on the line above the fence', () => {
    const markdown = [
      '<!-- not type-checked: shows the compile error on purpose -->',
      `${fence}ts`,
      'const a: string = 1;',
      fence,
      `${fence}ts`,
      'const b = 2;',
      fence,
    ].join('\n');
    expect(readmeExamples(markdown)).toEqual([
      { language: 'ts', line: 3, code: 'const a: string = 1;\n', notTypeChecked: 'shows the compile error on purpose' },
      { language: 'ts', line: 6, code: 'const b = 2;\n' },
    ]);
  });

  it.each([
    [
      'gives no reason',
      ['text', '', '<!-- not type-checked -->', `${fence}ts`, 'x', fence],
      'README line 3: say why the block is not type-checked',
    ],
    [
      'gives an empty reason',
      ['<!-- not type-checked:  -->', `${fence}ts`, 'x', fence],
      'README line 1: say why the block is not type-checked',
    ],
    [
      'is not right above the fence',
      ['<!-- not type-checked: reason -->', '', `${fence}ts`, 'x', fence],
      'README line 1: a "not type-checked" marker must be on the line right above',
    ],
    [
      'is above a block that is not checked',
      ['<!-- not type-checked: reason -->', `${fence}sh`, 'x', fence],
      'README line 1: a "not type-checked" marker must be on the line right above',
    ],
    [
      'is last',
      ['text', '', '<!-- not type-checked: reason -->'],
      'README line 3: a "not type-checked" marker must be on the line right above',
    ],
  ])('rejects a marker that %s, naming its line', (_, lines, message) => {
    expect(() => readmeExamples(lines.join('\n'))).toThrow(message);
  });

  it('leaves other HTML comments alone', () => {
    expect(readmeExamples(['<!-- type-checked below -->', `${fence}ts`, 'x', fence].join('\n'))).toEqual([
      { language: 'ts', line: 3, code: 'x\n' },
    ]);
  });
});
