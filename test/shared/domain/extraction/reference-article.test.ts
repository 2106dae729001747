import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Statement } from '../../../../events/statement';
import { createRulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';

/**
 * Issue 3, item 6: the user's reference article must yield every listed statement, each from its
 * own sentence, and nothing from the sentences that carry no stance. The article is the user's
 * input, so it is read from ../shared/seed/ (beside the repository) rather than copied here; where
 * that folder is absent the test is skipped with a message.
 */

const here = dirname(fileURLToPath(import.meta.url));
const seed = resolve(here, '../../../../../shared/seed/zelensky-2025-10-28.txt');
const available = existsSync(seed);
if (!available) console.warn(`reference article not found at ${seed}: skipping the reference-article test`);

type Result = Awaited<ReturnType<ReturnType<typeof createRulesExtractor>['extract']>>;

/** A sentence of the article, identified by words it contains (the text itself stays in the seed file). */
function sentenceWith(sentences: string[], ...words: string[]): string {
  const found = sentences.filter((sentence) => words.every((word) => sentence.includes(word)));
  expect(found, `exactly one sentence with ${words.join(' + ')}`).toHaveLength(1);
  return found[0]!;
}

describe.skipIf(!available)('the reference article (2025-10-28)', () => {
  let text: string;
  let sentences: string[];
  let result: Result;

  beforeAll(async () => {
    text = readFileSync(seed, 'utf8');
    result = await createRulesExtractor().extract({ documentId: 'doc-reference', text, publishedAt: '2025-10-28' });
    // Every statement quotes one whole sentence of the article.
    sentences = [...new Set(result.statements.map((statement) => statement.quote))];
  });

  const expectStatement = (
    sentenceWords: string[],
    expected: { actor: string; topic: string; proposition?: string; polarity: string; attribution?: string },
  ) => {
    const sentence = sentenceWith(text.split(/(?<=[.!?]"?)\s+/), ...sentenceWords);
    const match = result.statements.find(
      (statement) =>
        statement.quote === sentence &&
        statement.actor === expected.actor &&
        statement.topic === expected.topic &&
        statement.polarity === expected.polarity &&
        (expected.proposition === undefined || statement.proposition === expected.proposition) &&
        (expected.attribution === undefined || statement.attribution === expected.attribution) &&
        statement.reportedBy === undefined,
    );
    expect(match, `${JSON.stringify(expected)} from the sentence with ${sentenceWords.join(' + ')}`).toBeDefined();
  };

  it('every statement satisfies the Statement schema and quotes a sentence of the article', () => {
    expect(result.extractorVersion).toMatch(/^rules@\d+\.\d+\.\d+$/);
    for (const statement of result.statements) {
      expect(Statement.safeParse(statement).success).toBe(true);
      expect(text.includes(statement.quote)).toBe(true);
    }
  });

  it('Ukraine supports talks and opposes ceding territory (first sentence)', () => {
    expectStatement(['October 28', 'withdraw'], {
      actor: 'ukraine',
      topic: 'talks',
      polarity: 'support',
      attribution: 'direct',
    });
    expectStatement(['October 28', 'withdraw'], {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
      attribution: 'direct',
    });
  });

  it('Russia demands territory (reported), a request Ukraine and the US reject', () => {
    const words = ['determined', 'rejected'];
    expectStatement(words, {
      actor: 'russia',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'support',
      attribution: 'reported',
    });
    expectStatement(words, { actor: 'ukraine', topic: 'territory', proposition: 'cede-territory', polarity: 'oppose' });
    expectStatement(words, {
      actor: 'united-states',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });

  it('venues: anywhere but Russia or Belarus, Hungary included', () => {
    const anywhere = ['anywhere', 'except'];
    expectStatement(anywhere, { actor: 'ukraine', topic: 'venue', proposition: 'venue:any', polarity: 'support' });
    expectStatement(anywhere, { actor: 'ukraine', topic: 'venue', proposition: 'venue:russia', polarity: 'oppose' });
    expectStatement(anywhere, { actor: 'ukraine', topic: 'venue', proposition: 'venue:belarus', polarity: 'oppose' });
    expectStatement(['including in Hungary'], {
      actor: 'ukraine',
      topic: 'venue',
      proposition: 'venue:hungary',
      polarity: 'support',
    });
    expectStatement(['cannot take place'], {
      actor: 'ukraine',
      topic: 'venue',
      proposition: 'venue:belarus',
      polarity: 'oppose',
    });
  });

  it('ceasefire, sanctions, funding and mediation', () => {
    expectStatement(['immediate goal'], { actor: 'ukraine', topic: 'ceasefire', polarity: 'support' });
    const sanctions = ['called on', 'imposed'];
    expectStatement(sanctions, {
      actor: 'ukraine',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
    expectStatement(sanctions, {
      actor: 'united-states',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
      attribution: 'reported',
    });
    expectStatement(['stable funding'], {
      actor: 'ukraine',
      topic: 'funding',
      proposition: 'funding:european-union',
      polarity: 'support',
    });
    expectStatement(['We hope'], {
      actor: 'ukraine',
      topic: 'mediation',
      proposition: 'mediation:china',
      polarity: 'support',
    });
  });

  it('sentences without a stance yield nothing', () => {
    const stanceless = [
      ['diplomatic efforts'],
      ['summit in Budapest'],
      ['this weekend'],
      ['comprehensive'],
      ['advisers'],
      ['negotiation locations'],
      ['as long as there are results'],
    ];
    for (const words of stanceless) {
      const quoted = sentences.filter((sentence) => words.every((word) => sentence.includes(word)));
      expect(quoted, `no statement from the sentence with ${words.join(' + ')}`).toEqual([]);
    }
  });

  it('statements are dated by the reporting clause, never by a meeting "this weekend"', () => {
    for (const statement of result.statements) expect(statement.statedAt).toBe('2025-10-28');
  });

  it("the named speaker's reported words score higher than the narrator's account", () => {
    // On the development sets quotes are right no more often than the narrator (the fitted
    // confidence, docs/positions.md); reported speech of a named speaker is right most often. The
    // topic is fitted too, so the two are compared on one topic (until rules@1.53.0 the funding
    // statement was compared, and funding's own weight left it level with the narrator at 0.69).
    const quote = result.statements.find((s) => s.topic === 'mediation');
    const narrated = result.statements.find((s) => s.actor === 'russia' && s.reportedBy === undefined);
    const spoken = result.statements.find(
      (s) => s.topic === narrated!.topic && s.speaker !== undefined && s.actor !== narrated!.actor,
    );
    expect(spoken!.evidence).toBe('speech');
    expect(spoken!.confidence).toBeGreaterThan(narrated!.confidence);
    expect(quote!.speaker).toBe('Volodymyr Zelensky');
  });
});
