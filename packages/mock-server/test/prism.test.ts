import { describe, expect, it } from 'vitest';
import { loadPrism, type PrismOperation } from '../src/prism.ts';

describe('Prism as the mock loads it', () => {
  it('still answers from the schema where a response has no example, with faker loaded lazily', async () => {
    const operation = {
      id: 'noExample',
      iid: 'noExample',
      method: 'post',
      path: '/no-example',
      servers: [],
      security: [],
      request: {},
      responses: [
        {
          id: 'ok',
          code: '200',
          headers: [],
          contents: [
            {
              id: 'json',
              mediaType: 'application/json',
              examples: [],
              encodings: [],
              schema: { type: 'object', properties: { total: { type: 'integer' } }, required: ['total'] },
            },
          ],
        },
      ],
    } as unknown as PrismOperation;
    const prism = loadPrism([operation]);
    const result = await prism.respond({ method: 'post', url: { path: '/no-example' }, headers: {} }, operation, { dynamic: false });
    expect(result._tag).toBe('Right');
    if (result._tag === 'Right') expect(result.right.output).toMatchObject({ statusCode: 200, body: { total: 0 } });
  });
});
