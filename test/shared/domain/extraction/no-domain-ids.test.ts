import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../../shared/domain/extraction/codebook/load-codebook';
import { engineLiterals } from './engine-literals';

/**
 * The engine must not know the bundled domain (issue 14): a topic, proposition or actor id written
 * as a string in its code would make another codebook behave differently for no visible reason.
 * Topic behaviour the engine needs is a codebook flag (`roles`), not an id in code.
 */
describe('the extraction engine', () => {
  it('names no topic, proposition or actor of the bundled codebook in its code', () => {
    const codebook = loadCodebook();
    const ids = new Set<string>([
      ...codebook.actors.map((actor) => actor.id),
      ...codebook.topics.flatMap((topic) => [topic.id, ...topic.propositions.map((proposition) => proposition.id)]),
      codebook.venues.topic,
    ]);
    const found = engineLiterals(/(['"`])([a-z][a-z0-9-]*)\1/g, true)
      .filter(({ value }) => ids.has(value))
      .map(({ file, literal }) => `${file}: ${literal}`);
    expect(found).toEqual([]);
  });
});
