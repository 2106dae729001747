import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../../shared/domain/extraction/codebook/load-codebook';
import { createRulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';

/**
 * Each extractor owns its working state (issue 14): two extractors used in turn, one of them on a
 * different codebook, give every document exactly what one extractor alone gives it.
 */
const PRESS = join(import.meta.dirname, '../../../corpus/press');
const documents = readdirSync(PRESS)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .slice(0, 30)
  .map(
    (file) => JSON.parse(readFileSync(join(PRESS, file), 'utf8')) as { id: string; text: string; publishedAt: string },
  );

const inputOf = (document: (typeof documents)[number]) => ({
  documentId: document.id,
  text: document.text,
  publishedAt: document.publishedAt,
});

describe('extractor working state', () => {
  it('is not shared: interleaving two extractors changes no statement', () => {
    const alone = createRulesExtractor();
    const expected = documents.map((document) => alone.extractSync(inputOf(document)).statements);

    const first = createRulesExtractor();
    const codebook = loadCodebook();
    const second = createRulesExtractor({
      codebook: { ...codebook, version: '9.9.9', actors: codebook.actors.slice(0, 3) },
    });
    const interleaved = documents.map((document) => {
      second.extractSync({ ...inputOf(document), publishedAt: '2031-01-01' });
      const statements = first.extractSync(inputOf(document)).statements;
      second.extractSync(inputOf(document));
      return statements;
    });

    expect(interleaved).toEqual(expected);
  });
});
