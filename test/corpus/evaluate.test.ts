import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Statement } from '../../events/statement';
import { bedrockExtractorVersion } from '../../shared/adapters/bedrock/bedrock-extractor';
import { readConfig } from '../../shared/config';
import { MIN_POSITION_CONFIDENCE } from '../../shared/domain/positions/rules';
import type { ExtractionInput, Extractor } from '../../shared/ports/extractor';
import { createExtractor } from '../../shared/wiring/extractor';
import {
  accessDenied,
  MODEL_ID,
  recordingLogger,
  statementsAnswer,
} from '../shared/adapters/bedrock/converse-fixtures';
import { blindSets, evaluateCorpus, formatEvaluation, pressSets, runEval } from './evaluate';

/**
 * The eval scores whatever extractor it is handed (only the dev set here: blind sets are never
 * loaded by tests). The figures asserted are worked out by hand from the dev labels of
 * c01-lavrov-istanbul (3 statements), c04-orban-veto (4) and c05-football (none).
 */

const DOCUMENTS = ['c01-lavrov-istanbul', 'c04-orban-veto', 'c05-football'];

type Tuple = Pick<Statement, 'actor' | 'topic' | 'proposition' | 'polarity'> &
  Partial<Pick<Statement, 'evidence' | 'confidence'>>;

const statementOf = (documentId: string, tuple: Tuple, index: number): Statement => ({
  statementId: `${documentId}-${index}`,
  documentId,
  sentenceIndex: 0,
  quote: 'a sentence',
  attribution: 'direct',
  evidence: 'speech',
  confidence: 0.8,
  statedAt: '2025-11-03',
  ...tuple,
});

const lavrovAnswer: Tuple[] = [
  { actor: 'russia', topic: 'talks', proposition: 'peace-talks', polarity: 'support' },
  { actor: 'russia', topic: 'venue', proposition: 'venue:turkey', polarity: 'support' },
  // Not in the labels: a false alarm.
  { actor: 'ukraine', topic: 'venue', proposition: 'venue:turkey', polarity: 'oppose' },
];
const orbanAnswer: Tuple[] = [
  { actor: 'hungary', topic: 'sanctions', proposition: 'sanctions:russia', polarity: 'oppose' },
  { actor: 'hungary', topic: 'funding', proposition: 'frozen-assets', polarity: 'oppose' },
  { actor: 'hungary', topic: 'talks', proposition: 'peace-talks', polarity: 'support' },
  { actor: 'hungary', topic: 'venue', proposition: 'venue:hungary', polarity: 'support' },
];

function fakeExtractor(answers: Record<string, Tuple[] | Error>): Extractor & { asked: string[] } {
  const asked: string[] = [];
  return {
    name: 'fake',
    asked,
    extract: async (input: ExtractionInput) => {
      asked.push(input.documentId);
      const answer = answers[input.documentId] ?? [];
      if (answer instanceof Error) throw answer;
      return {
        extractorVersion: 'fake@1',
        codebookVersion: '0.0.1',
        statements: answer.map((tuple, index) => statementOf(input.documentId, tuple, index)),
      };
    },
  };
}

describe('evaluateCorpus with an injected extractor', () => {
  it("scores the extractor's statements, not the rules', against the labels", async () => {
    const extractor = fakeExtractor({ 'c01-lavrov-istanbul': lavrovAnswer, 'c04-orban-veto': orbanAnswer });
    const evaluation = await evaluateCorpus({ sets: ['dev'], documentIds: DOCUMENTS, extractor });

    expect(extractor.asked.sort()).toEqual(DOCUMENTS);
    expect(evaluation.documents).toBe(3);
    expect(evaluation.extractor).toBe('fake');
    expect(evaluation.extractorVersion).toBe('fake@1');
    expect(evaluation.predicted).toBe(7);
    expect(evaluation.failed).toEqual([]);
    // c01: 2 of 3 found and 1 false alarm; c04: 4 of 4; c05: silent, as labelled.
    expect(evaluation.overall.proposition).toMatchObject({ tp: 6, fp: 1, fn: 1 });
    expect(evaluation.overall.polarity).toMatchObject({ tp: 6, fp: 1, fn: 1 });
    expect(evaluation.silentDocuments).toEqual({ expected: 1, silent: 1 });
    const lavrov = evaluation.results.find((result) => result.id === 'c01-lavrov-istanbul');
    expect(lavrov?.missed).toEqual(['russia|venue|venue:ukraine|oppose']);
    expect(lavrov?.spurious).toEqual(['ukraine|venue|venue:turkey|oppose']);
    expect(lavrov?.statements.map((s) => s.statementId)).toEqual([0, 1, 2].map((i) => `c01-lavrov-istanbul-${i}`));
    expect(formatEvaluation(evaluation)).toContain('(extractor fake: fake@1,');
  });

  it('scores each evidence kind: precision over the statements stated as that kind, recall over the labels of that kind', async () => {
    const extractor = fakeExtractor({
      'c01-lavrov-istanbul': [
        { ...lavrovAnswer[0]!, evidence: 'quote' },
        // The same tuple read again from reported speech: it counts once for each kind.
        { ...lavrovAnswer[0]!, evidence: 'speech' },
        { ...lavrovAnswer[1]!, evidence: 'speech' },
        { ...lavrovAnswer[2]!, evidence: 'quote' },
      ],
      'c04-orban-veto': [{ ...orbanAnswer[0]!, evidence: 'action' }],
    });
    const evaluation = await evaluateCorpus({ sets: ['dev'], documentIds: DOCUMENTS, extractor });

    // Quotes: one right (Russia's talks), one false alarm (Ukraine's venue).
    expect(evaluation.byEvidence.quote).toMatchObject({ tp: 1, fp: 1, precision: 0.5 });
    expect(evaluation.byEvidence.speech).toMatchObject({ tp: 2, fp: 0, precision: 1 });
    expect(evaluation.byEvidence.action).toMatchObject({ tp: 1, fp: 0, precision: 1 });
    // The dev labels carry no evidence kind: recall is counted under "(unlabelled)", 3 of 7 found.
    expect(evaluation.byEvidence['(unlabelled)']).toMatchObject({ found: 3, fn: 4 });
    expect(evaluation.byEvidence['(unlabelled)']?.recall).toBeCloseTo(3 / 7);
    expect(formatEvaluation(evaluation)).toMatch(/quote\s+1\s+1\s+0\s+0\s+0\.500/);
  });

  it('scores again only the statements at or over each confidence the product acts on (0.65 moves a position, 0.7 a strong alert)', async () => {
    const extractor = fakeExtractor({
      'c01-lavrov-istanbul': [
        { ...lavrovAnswer[0]!, confidence: 0.9 },
        { ...lavrovAnswer[1]!, confidence: 0.67 },
        // The false alarm is under 0.65: stored, but it moves nothing.
        { ...lavrovAnswer[2]!, confidence: 0.55 },
      ],
    });
    const evaluation = await evaluateCorpus({
      sets: ['dev'],
      documentIds: ['c01-lavrov-istanbul', 'c05-football'],
      extractor,
    });

    // c01's labels on (actor, topic, polarity): Russia supports talks, supports one venue, opposes another.
    expect(evaluation.overall.polarity).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(evaluation.byConfidence.map(({ atLeast }) => atLeast)).toEqual([MIN_POSITION_CONFIDENCE, 0.7]);
    expect(evaluation.byConfidence[0]?.scores).toMatchObject({ tp: 2, fp: 0, fn: 1, precision: 1 });
    expect(evaluation.byConfidence[1]?.scores).toMatchObject({ tp: 1, fp: 0, fn: 2 });
    expect(evaluation.byConfidence[1]?.scores.recall).toBeCloseTo(1 / 3);
    expect(formatEvaluation(evaluation)).toMatch(/confidence >= 0\.65\s+2\s+0\s+1\s+1\.000 0\.667 0\.800/);
  });

  it('counts a document whose extraction throws as failed and extracting nothing, and scores the rest', async () => {
    const extractor = fakeExtractor({
      'c01-lavrov-istanbul': lavrovAnswer,
      'c04-orban-veto': new Error('the model refused'),
    });
    const evaluation = await evaluateCorpus({ sets: ['dev'], documentIds: DOCUMENTS, extractor, concurrency: 3 });

    expect(evaluation.failed).toEqual([{ id: 'c04-orban-veto', set: 'dev', reason: 'Error: the model refused' }]);
    expect(evaluation.results.map((result) => result.id)).toEqual(DOCUMENTS);
    expect(evaluation.results[1]?.statements).toEqual([]);
    expect(evaluation.overall.proposition).toMatchObject({ tp: 2, fp: 1, fn: 5 });
    expect(formatEvaluation(evaluation)).toContain(
      'extraction failed on 1 of 3 documents; they count as extracting nothing',
    );
  });

  it('asks at most `concurrency` documents at a time', async () => {
    let running = 0;
    let most = 0;
    const extractor: Extractor = {
      name: 'slow',
      extract: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return { extractorVersion: 'slow@1', codebookVersion: '0', statements: [] };
      },
    };
    const evaluation = await evaluateCorpus({ sets: ['dev'], extractor, concurrency: 4 });
    expect(evaluation.documents).toBeGreaterThan(8);
    expect(most).toBe(4);
  });
});

/** Answers each Converse request from the document id and sentences it lists. */
function answerFor(input: ConverseCommandInput) {
  const message = input.messages?.[0]?.content?.[0]?.text ?? '';
  const documentId = /^Document (\S+), published/.exec(message)?.[1];
  const sentences = [...message.matchAll(/^\[(\d+)\] (?!\(context\))(.*)$/gm)].map((m) => ({
    index: Number(m[1]),
    text: m[2] ?? '',
  }));
  if (documentId === 'c04-orban-veto') return Promise.reject(accessDenied());
  if (documentId !== 'c01-lavrov-istanbul') return Promise.resolve(statementsAnswer([]));
  const istanbul = sentences.find((sentence) => sentence.text.includes('Istanbul'));
  if (!istanbul) throw new Error('the Lavrov sentence was not asked');
  const about = (proposition: string, topic: string) => ({
    sentence: istanbul.index,
    quote: istanbul.text,
    actor: 'russia',
    speaker: 'Sergei Lavrov',
    topic,
    proposition,
    polarity: 'support',
    attribution: 'direct',
    evidence: 'speech',
    confidence: 0.8,
  });
  return Promise.resolve(statementsAnswer([about('peace-talks', 'talks'), about('venue:turkey', 'venue')]));
}

describe('the eval over a Bedrock extractor (mocked Converse)', () => {
  const bedrock = mockClient(BedrockRuntimeClient);
  afterEach(() => bedrock.reset());
  const client = () =>
    new BedrockRuntimeClient({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    });
  const env = { STANCEWATCH_EXTRACTOR: 'bedrock', STANCEWATCH_BEDROCK_MODEL: MODEL_ID };

  it("scores the model's statements and counts a refused document as failed, not as the rules' fallback", async () => {
    bedrock.on(ConverseCommand).callsFake(answerFor);
    const extractor = createExtractor(readConfig(env), {
      bedrockClient: client(),
      logger: recordingLogger(),
      onReport: () => {},
    });
    const evaluation = await evaluateCorpus({ sets: ['dev'], documentIds: DOCUMENTS, extractor, concurrency: 4 });

    expect(evaluation.extractor).toBe('bedrock');
    expect(evaluation.extractorVersion).toBe(bedrockExtractorVersion(MODEL_ID));
    expect(evaluation.failed).toHaveLength(1);
    expect(evaluation.failed[0]).toMatchObject({ id: 'c04-orban-veto', set: 'dev' });
    expect(evaluation.failed[0]?.reason).toContain('AccessDeniedException');
    // The rules would have found Orban's statements; a failed document must not borrow them.
    expect(evaluation.results.find((result) => result.id === 'c04-orban-veto')?.statements).toEqual([]);
    expect(evaluation.predicted).toBe(2);
    expect(evaluation.overall.proposition).toMatchObject({ tp: 2, fp: 0, fn: 5 });
    expect(evaluation.silentDocuments).toEqual({ expected: 1, silent: 1 });
  });

  it('runs end to end from the command line flags (--extractor bedrock --set dev --json)', async () => {
    bedrock.on(ConverseCommand).callsFake(answerFor);
    const printed: string[] = [];
    const code = await runEval(['--set', 'dev', '--extractor', 'bedrock', '--json'], {
      env: { STANCEWATCH_BEDROCK_MODEL: MODEL_ID },
      extractor: { bedrockClient: client(), logger: recordingLogger(), onReport: () => {} },
      out: (text) => printed.push(text),
      err: (text) => printed.push(text),
    });
    expect(code).toBe(0);
    const figures = JSON.parse(printed.join('\n'));
    expect(figures.extractor).toBe('bedrock');
    expect(figures.extractorVersion).toBe(bedrockExtractorVersion(MODEL_ID));
    expect(figures.failed.map((failure: { id: string }) => failure.id)).toEqual(['c04-orban-veto']);
    expect(figures.predicted).toBe(2);
    expect(figures.overall.proposition.tp).toBe(2);
    expect(figures.documents).toBeGreaterThan(40);
  });
});

describe('npm run eval: --extractor', () => {
  const run = async (args: string[], env: Record<string, string | undefined> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runEval(args, { env, out: (text) => out.push(text), err: (text) => err.push(text) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('refuses an unknown extractor with exit 2 and the choices', async () => {
    const result = await run(['--extractor', 'gpt', '--set', 'dev']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--extractor must be one of rules, bedrock, rules+bedrock');
    expect(result.out).toBe('');
  });

  it('refuses a set that is not there, naming the sets that are (press-N and blind-N among them)', async () => {
    const result = await run(['--set', 'press-999']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--set must be one of dev, heldout, press, ');
    for (const set of [...pressSets(), ...blindSets()]) expect(result.err).toContain(set);
    expect(result.out).toBe('');
  });

  it('refuses a --min-position under the position threshold or over 1, or without --contradictions, with exit 2', async () => {
    for (const args of [
      ['--set', 'dev', '--contradictions', '--min-position', '0.5'],
      ['--set', 'dev', '--contradictions', '--min-position', 'high'],
      ['--set', 'dev', '--contradictions', '--min-position'],
    ]) {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`--min-position must be a number from ${MIN_POSITION_CONFIDENCE} to 1`);
      expect(result.out).toBe('');
    }
    const alone = await run(['--set', 'dev', '--min-position', '0.7']);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('--min-position needs --contradictions');
  });

  it('--min-position plays the scenario with the statements at or over it only: a higher bar raises fewer', async () => {
    const raised = async (extra: string[]) => {
      const result = await run(['--set', 'press-2', '--contradictions', '--json', ...extra]);
      expect(result.code).toBe(0);
      return JSON.parse(result.out) as { minPosition?: number; contradictions: { raised: number } };
    };
    const plain = await raised([]);
    const atTheFloor = await raised(['--min-position', String(MIN_POSITION_CONFIDENCE)]);
    const strict = await raised(['--min-position', '0.99']);
    expect(plain.contradictions.raised).toBeGreaterThan(0);
    expect(atTheFloor.contradictions.raised).toBe(plain.contradictions.raised);
    expect(strict.minPosition).toBe(0.99);
    expect(strict.contradictions.raised).toBeLessThan(plain.contradictions.raised);
  });

  it('refuses --extractor without a value', async () => {
    const result = await run(['--set', 'dev', '--extractor']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--extractor must be one of');
  });

  it("refuses bedrock without STANCEWATCH_BEDROCK_MODEL with the wiring's message, whatever STANCEWATCH_EXTRACTOR says", async () => {
    for (const kind of ['bedrock', 'rules+bedrock']) {
      const result = await run(['--extractor', kind, '--set', 'dev'], { STANCEWATCH_EXTRACTOR: 'rules' });
      expect(result.code).toBe(2);
      expect(result.err).toBe(
        `STANCEWATCH_EXTRACTOR=${kind} needs STANCEWATCH_BEDROCK_MODEL, the Bedrock model or inference profile to call ` +
          '(e.g. anthropic.claude-3-haiku-20240307-v1:0); see docs/bedrock.md',
      );
      expect(result.out).toBe('');
    }
  });

  it('scores the rules by default, even when the environment configures Bedrock', async () => {
    const result = await run(['--set', 'dev'], { STANCEWATCH_EXTRACTOR: 'bedrock' });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\(extractor rules: rules@/);
  });

  it('exits 2 from the real command with the message and no stack trace', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const root = join(here, '..', '..');
    const { STANCEWATCH_BEDROCK_MODEL: _unset, ...env } = process.env;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(here, 'evaluate.ts'), '--extractor', 'bedrock', '--set', 'dev'],
      { cwd: root, env, encoding: 'utf8' },
    );
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('STANCEWATCH_EXTRACTOR=bedrock needs STANCEWATCH_BEDROCK_MODEL');
    expect(child.stderr).not.toMatch(/^\s+at /m);
    expect(child.stdout).toBe('');
  }, 30_000);
});
