import { describe, expect, it } from 'vitest';
import { sentenceInContext } from '../../../../shared/domain/documents/sentence-context';

const ARTICLE =
  'KYIV, June 3 (Test Wire) - Talks resumed. The first round ended early. “We will not meet in Minsk,” the minister said. ' +
  'He did not elaborate! Aides said a second round was possible? Nothing was agreed.';

describe('a quote in its context', () => {
  it('gives the two sentences before and after, closing quotes and all end marks respected', () => {
    expect(sentenceInContext(ARTICLE, 'He did not elaborate!')).toEqual({
      before: 'The first round ended early. “We will not meet in Minsk,” the minister said.',
      quote: 'He did not elaborate!',
      after: 'Aides said a second round was possible? Nothing was agreed.',
    });
  });

  it('gives what there is at the start and the end of a document', () => {
    expect(sentenceInContext(ARTICLE, 'Nothing was agreed.', 1)).toEqual({
      before: 'Aides said a second round was possible?',
      quote: 'Nothing was agreed.',
      after: '',
    });
    expect(sentenceInContext('Only one sentence.', 'Only one sentence.')).toEqual({
      before: '',
      quote: 'Only one sentence.',
      after: '',
    });
  });

  it('says nothing when the quote is not in the text', () => {
    expect(sentenceInContext(ARTICLE, 'A sentence from elsewhere.')).toBeUndefined();
    expect(sentenceInContext(ARTICLE, '')).toBeUndefined();
  });
});
