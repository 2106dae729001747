import { describe, expect, it } from 'vitest';
import type { Extractor } from '../../../../shared/ports/extractor';
import { deferredExtractor } from '../../../../shared/wiring/aws/api';

const input = { documentId: 'doc-1', text: 'Some text.', publishedAt: '2026-01-01' };
const result = { extractorVersion: 'x@1', codebookVersion: '1', statements: [] };

describe('deferredExtractor', () => {
  it('builds nothing until the first extraction, then builds once for all that follow', async () => {
    let builds = 0;
    const extractor = deferredExtractor('rules', async () => {
      builds++;
      return { name: 'rules', extract: async () => result } satisfies Extractor;
    });
    expect(builds).toBe(0);

    const answers = await Promise.all([extractor.extract(input), extractor.extract(input), extractor.extract(input)]);
    expect(answers).toEqual([result, result, result]);
    expect(builds).toBe(1);
  });

  it('tries the build again on the next use after a failed one', async () => {
    let builds = 0;
    const extractor = deferredExtractor('rules', async () => {
      builds++;
      if (builds === 1) throw new Error('codebook not readable');
      return { name: 'rules', extract: async () => result };
    });

    await expect(extractor.extract(input)).rejects.toThrow('codebook not readable');
    await expect(extractor.extract(input)).resolves.toEqual(result);
    expect(builds).toBe(2);
  });
});
