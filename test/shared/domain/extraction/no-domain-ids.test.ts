import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../../shared/domain/extraction/codebook/load-codebook';

/**
 * The engine must not know the bundled domain (issue 14): a topic, proposition or actor id written
 * as a string in its code would make another codebook behave differently for no visible reason.
 * Topic behaviour the engine needs is a codebook flag (`roles`), not an id in code.
 */
const ENGINE = join(import.meta.dirname, '../../../../shared/domain/extraction');

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the extraction engine', () => {
  it('names no topic, proposition or actor of the bundled codebook in its code', () => {
    const codebook = loadCodebook();
    const ids = new Set<string>([
      ...codebook.actors.map((actor) => actor.id),
      ...codebook.topics.flatMap((topic) => [topic.id, ...topic.propositions.map((proposition) => proposition.id)]),
      codebook.venues.topic,
    ]);
    const found: string[] = [];
    for (const file of sourcesUnder(ENGINE)) {
      // Comments may use the bundled domain as an example; code may not.
      const source = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      for (const literal of source.matchAll(/(['"`])([a-z][a-z0-9-]*)\1/g)) {
        if (ids.has(literal[2]!)) found.push(`${file.slice(ENGINE.length + 1)}: ${literal[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
