import { describe, expect, it } from 'vitest';
import { filenameFromContentDisposition } from '../src/content-disposition.js';

describe('filenameFromContentDisposition', () => {
  it.each([
    ['attachment; filename="report.csv"', 'report.csv'],
    ['attachment; filename=report.csv', 'report.csv'],
    ['attachment;filename="two words.pdf"', 'two words.pdf'],
    ['ATTACHMENT; FILENAME="upper.xlsx"', 'upper.xlsx'],
    ['attachment; filename="with \\"quotes\\".csv"', 'with "quotes".csv'],
    ['attachment; filename="semi;colon.csv"; size=10', 'semi;colon.csv'],
    ["attachment; filename*=UTF-8''na%C3%AFve%20report.csv", 'naïve report.csv'],
    ["attachment; filename*=utf-8'en'%E2%82%AC%20rates.csv", '€ rates.csv'],
    ["attachment; filename*=ISO-8859-1''caf%E9.csv", 'café.csv'],
    // RFC 6266: filename* wins over filename, in either order.
    ['attachment; filename="fallback.csv"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9.csv', 'résumé.csv'],
    ['attachment; filename*=UTF-8\'\'r%C3%A9sum%C3%A9.csv; filename="fallback.csv"', 'résumé.csv'],
    // An unusable filename* falls back to filename.
    ['attachment; filename*=UTF-8\'\'%E2%28%A1.csv; filename="plain.csv"', 'plain.csv'],
    ['attachment; filename*=KOI8-R\'\'%F0.csv; filename="plain.csv"', 'plain.csv'],
    // Directories are dropped, so a saved file stays where it is saved.
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="C:\\\\Windows\\\\evil.csv"', 'evil.csv'],
    ["attachment; filename*=UTF-8''..%2F..%2Fsecret.csv", 'secret.csv'],
    ['attachment; filename="bad\u0007name.csv"', 'badname.csv'],
  ])('%s → %s', (header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });

  it.each([
    null,
    '',
    'attachment',
    'inline',
    'attachment; filename=""',
    'attachment; filename=".."',
    'attachment; filename="dir/"',
    'attachment; name="x.csv"',
  ])('finds no usable name in %j', (header) => {
    expect(filenameFromContentDisposition(header)).toBeUndefined();
  });
});
