import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { Statement } from '../../../../events/statement';
import {
  type BedrockExtractorOptions,
  createBedrockExtractor,
} from '../../../../shared/adapters/bedrock/bedrock-extractor';
import { createRulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';
import { statementIdFor } from '../../../../shared/domain/extraction/statement-id';
import {
  ARTICLE,
  accessDenied,
  aModelStatement,
  articleInput,
  instantSleep,
  MODEL_ID,
  PUBLISHED_AT,
  recordingLogger,
  SENTENCES,
  serviceUnavailable,
  statementsAnswer,
  TOOL_NAME,
  textOnlyAnswer,
  throttling,
  toolUseAnswer,
  validationFailed,
} from './converse-fixtures';

const bedrock = mockClient(BedrockRuntimeClient);

afterEach(() => {
  bedrock.reset();
});

const rules = createRulesExtractor();

function extractor(overrides: Partial<BedrockExtractorOptions> = {}) {
  const logger = recordingLogger();
  const sleep = instantSleep();
  const created = createBedrockExtractor({
    client: new BedrockRuntimeClient({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    }),
    modelId: MODEL_ID,
    rules,
    logger,
    sleep,
    random: () => 0.5,
    ...overrides,
  });
  return { extractor: created, logger, sleep };
}

const sentInputs = (): ConverseCommandInput[] =>
  bedrock.commandCalls(ConverseCommand).map((call) => call.args[0].input);

const messageOf = (input: ConverseCommandInput): string => input.messages?.[0]?.content?.[0]?.text ?? '';

/** The sentence numbers a request lists, as targets and as context. */
function sentencesIn(input: ConverseCommandInput): { targets: number[]; context: number[] } {
  const targets: number[] = [];
  const context: number[] = [];
  for (const line of messageOf(input).split('\n')) {
    const match = /^\[(\d+)\] (\(context\) )?/.exec(line);
    if (!match) continue;
    (match[2] ? context : targets).push(Number(match[1]));
  }
  return { targets, context };
}

describe('Bedrock extractor: answers', () => {
  it('turns a good tool answer into statements quoting the document, with the ids the rules would derive', async () => {
    bedrock.on(ConverseCommand).resolves(
      statementsAnswer(
        [
          aModelStatement(0, { statedAt: '2025-11-03' }),
          aModelStatement(5, {
            actor: 'hungary',
            speaker: 'Viktor Orban',
            topic: 'ceasefire',
            proposition: 'ceasefire',
            polarity: 'support',
            evidence: 'action',
            confidence: 0.97,
          }),
        ],
        { inputTokens: 2512, outputTokens: 201, preamble: 'I will record the statements.' },
      ),
    );
    const { extractor: llm, logger } = extractor();

    const result = await llm.extract(articleInput());

    expect(result.extractorVersion).toBe(`bedrock:${MODEL_ID}@1.1.0`);
    expect(result.codebookVersion).toBe('1.86.0');
    expect(result.statements).toHaveLength(2);
    for (const statement of result.statements) expect(Statement.safeParse(statement).success).toBe(true);
    const [territory, truce] = result.statements;
    expect(territory).toEqual({
      statementId: statementIdFor({
        documentId: 'doc-bedrock-1',
        sentenceIndex: 0,
        actor: 'ukraine',
        topic: 'territory',
        proposition: 'cede-territory',
        polarity: 'oppose',
      }),
      documentId: 'doc-bedrock-1',
      sentenceIndex: 0,
      quote: SENTENCES[0],
      actor: 'ukraine',
      speaker: 'Andrii Sybiha',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
      attribution: 'direct',
      evidence: 'speech',
      confidence: 0.85,
      statedAt: '2025-11-03',
    });
    // The model's confidence is capped; the publication date is the default statedAt; the evidence
    // kind is the model's (an answer without one reads as speech, above).
    expect(truce).toMatchObject({
      actor: 'hungary',
      sentenceIndex: 5,
      evidence: 'action',
      confidence: 0.9,
      statedAt: PUBLISHED_AT,
    });

    expect(result.report).toMatchObject({
      producedBy: 'bedrock',
      calls: 1,
      chunks: 1,
      sentencesAsked: SENTENCES.length,
      usage: { inputTokens: 2512, outputTokens: 201 },
      droppedStatements: 0,
      modelStatements: 2,
    });
    expect(logger.lines.find((line) => line.message === 'bedrock extraction')?.extra).toMatchObject({
      documentId: 'doc-bedrock-1',
      inputTokens: 2512,
      outputTokens: 201,
    });

    // One request: system prompt with the codebook's ids, the tool forced, the sentences numbered.
    const [request] = sentInputs();
    expect(request?.modelId).toBe(MODEL_ID);
    expect(request?.toolConfig?.toolChoice).toEqual({ tool: { name: TOOL_NAME } });
    expect(request?.inferenceConfig).toEqual({ maxTokens: 4096, temperature: 0 });
    const system = request?.system?.[0]?.text ?? '';
    expect(system).toContain('- united-states: United States');
    expect(system).toContain('sanctions:<actor id>');
    expect(system).toContain('venue:<country id>');
    expect(messageOf(request!)).toContain(`[0] ${SENTENCES[0]}`);
    expect(sentencesIn(request!).targets).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('maps a quote to its sentence despite typographic quotes and spacing, and corrects a miscounted number', async () => {
    bedrock.on(ConverseCommand).resolves(
      statementsAnswer([
        aModelStatement(0, {
          quote: `Ukraine’s  foreign minister ${SENTENCES[0]!.slice("Ukraine's foreign minister ".length)}`,
        }),
        aModelStatement(4, {
          quote: SENTENCES[5]!,
          actor: 'hungary',
          speaker: 'Viktor Orban',
          topic: 'ceasefire',
          proposition: 'ceasefire',
          polarity: 'support',
        }),
      ]),
    );
    const result = await extractor().extractor.extract(articleInput());

    expect(result.statements.map((s) => [s.sentenceIndex, s.quote])).toEqual([
      [0, SENTENCES[0]],
      [5, SENTENCES[5]],
    ]);
  });

  it('drops a hallucinated quote, and a fragment of a sentence, and counts each', async () => {
    bedrock
      .on(ConverseCommand)
      .resolves(
        statementsAnswer([
          aModelStatement(0),
          aModelStatement(2, { quote: 'Sybiha said Ukraine would accept a ceasefire along the current front line.' }),
          aModelStatement(2, { quote: 'the idea of a truce as a trap', topic: 'ceasefire', proposition: 'ceasefire' }),
        ]),
      );
    const { extractor: llm, logger } = extractor();
    const result = await llm.extract(articleInput());

    expect(result.statements.map((s) => s.sentenceIndex)).toEqual([0]);
    expect(result.report.drops['quote-not-in-document']).toBe(1);
    expect(result.report.drops['quote-not-a-sentence']).toBe(1);
    expect(result.report.droppedStatements).toBe(2);
    const warning = logger.lines.find((line) => line.message === 'bedrock statements dropped');
    expect(warning?.level).toBe('warn');
    expect(warning?.extra).toMatchObject({
      dropped: 2,
      byReason: { 'quote-not-in-document': 1, 'quote-not-a-sentence': 1 },
    });
  });

  it('drops an unknown actor, topic or proposition (and an unknown reporter), keeping the rest', async () => {
    bedrock.on(ConverseCommand).resolves(
      statementsAnswer([
        aModelStatement(0),
        aModelStatement(0, { actor: 'wagner-group' }),
        aModelStatement(0, { reportedBy: 'the-press' }),
        aModelStatement(4, { actor: 'china', speaker: undefined, topic: 'trade', proposition: 'tariffs' }),
        aModelStatement(4, { actor: 'china', speaker: undefined, topic: 'talks', proposition: 'peace-talks:china' }),
        aModelStatement(4, {
          actor: 'china',
          speaker: undefined,
          topic: 'sanctions',
          proposition: 'sanctions:atlantis',
        }),
      ]),
    );
    const result = await extractor().extractor.extract(articleInput());

    expect(result.statements).toHaveLength(1);
    expect(result.report.drops).toMatchObject({ 'unknown-actor': 2, 'unknown-topic': 1, 'unknown-proposition': 2 });
  });

  it('keeps canonical slotted and venue propositions, and drops statements about context sentences', async () => {
    bedrock.on(ConverseCommand).resolves(
      statementsAnswer([
        aModelStatement(4, {
          actor: 'china',
          speaker: undefined,
          topic: 'talks',
          proposition: 'peace-talks',
          polarity: 'oppose',
        }),
        aModelStatement(4, {
          actor: 'china',
          speaker: undefined,
          topic: 'venue',
          proposition: 'venue:switzerland',
          polarity: 'support',
        }),
      ]),
    );
    const { extractor: llm } = extractor({ chunking: { maxChars: 60, contextSentences: 1 } });
    const result = await llm.extract(articleInput());

    // Every chunk answered the same: only the chunk whose target is sentence 4 keeps them.
    expect(new Set(result.statements.map((s) => s.proposition))).toEqual(new Set(['peace-talks', 'venue:switzerland']));
    expect(result.statements).toHaveLength(2);
    expect(result.report.drops['context-sentence']).toBe(2);
  });

  it('drops a speaker the document never names, and makes hearsay "reported"', async () => {
    bedrock.on(ConverseCommand).resolves(
      statementsAnswer([
        aModelStatement(4, {
          actor: 'china',
          speaker: 'Wang Yi',
          topic: 'talks',
          proposition: 'peace-talks',
          polarity: 'oppose',
          attribution: 'direct',
          reportedBy: 'ukraine',
        }),
      ]),
    );
    const result = await extractor().extractor.extract(articleInput());

    expect(result.statements[0]).toMatchObject({ actor: 'china', reportedBy: 'ukraine', attribution: 'reported' });
    expect(result.statements[0]?.speaker).toBeUndefined();
  });

  it('reads nothing from malformed JSON, but the document still gets the other chunks and no fallback', async () => {
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(toolUseAnswer('{"statements": [{"sentence": 0, "quote": "Ukraine'))
      .resolves(
        statementsAnswer([
          aModelStatement(5, {
            actor: 'hungary',
            speaker: 'Viktor Orban',
            topic: 'ceasefire',
            proposition: 'ceasefire',
            polarity: 'support',
          }),
        ]),
      );
    const { extractor: llm, logger } = extractor({ chunking: { maxChars: 300, contextSentences: 0 }, concurrency: 1 });
    const result = await llm.extract(articleInput());

    expect(result.report.chunks).toBeGreaterThan(1);
    expect(result.report.malformedAnswers).toEqual({ 'malformed-json': 1 });
    expect(result.report.fallback).toBeUndefined();
    expect(result.extractorVersion).toBe(`bedrock:${MODEL_ID}@1.1.0`);
    expect(result.statements.map((s) => s.sentenceIndex)).toEqual([5]);
    expect(logger.lines.some((line) => line.level === 'warn' && line.extra?.malformed === 'malformed-json')).toBe(true);
  });

  it('counts an answer without tool use, and a tool input of the wrong shape, as malformed', async () => {
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(textOnlyAnswer('The article mentions a truce but I am not sure who supports it.'))
      .resolvesOnce(toolUseAnswer({ statement: 'Kyiv opposes ceding land' }));
    const { extractor: llm } = extractor({ chunking: { maxChars: 400, contextSentences: 0 }, concurrency: 1 });
    const result = await llm.extract(articleInput());

    expect(result.statements).toEqual([]);
    expect(result.report.malformedAnswers).toEqual({ 'no-tool-use': 1, 'not-an-object': 1 });
  });

  it('takes JSON written as text when the model did not call the tool, and still checks it', async () => {
    bedrock
      .on(ConverseCommand)
      .resolves(
        textOnlyAnswer(
          `Here you go:\n${JSON.stringify({ statements: [aModelStatement(0), aModelStatement(1, { quote: 'Made up.' })] })}`,
        ),
      );
    const result = await extractor({ toolChoice: 'auto' }).extractor.extract(articleInput());

    expect(result.statements.map((s) => s.sentenceIndex)).toEqual([0]);
    expect(result.report.drops['quote-not-in-document']).toBe(1);
    expect(sentInputs()[0]?.toolConfig?.toolChoice).toEqual({ auto: {} });
  });
});

describe('Bedrock extractor: failures', () => {
  it('retries throttling with backoff, then uses the answer', async () => {
    bedrock
      .on(ConverseCommand)
      .rejectsOnce(throttling())
      .rejectsOnce(throttling())
      .resolves(statementsAnswer([aModelStatement(0)], { inputTokens: 2400, outputTokens: 90 }));
    const { extractor: llm, sleep, logger } = extractor();
    const result = await llm.extract(articleInput());

    expect(result.extractorVersion).toBe(`bedrock:${MODEL_ID}@1.1.0`);
    expect(result.statements).toHaveLength(1);
    expect(result.report).toMatchObject({ calls: 3, retries: 2, usage: { inputTokens: 2400, outputTokens: 90 } });
    // Full jitter at random() = 0.5: half of 1 s, then half of 2 s.
    expect(sleep.waits).toEqual([500, 1000]);
    expect(logger.lines.filter((line) => line.message === 'bedrock call failed; retrying')).toHaveLength(2);
  });

  it('falls back to the real rules extractor for the document after a hard failure, without retrying', async () => {
    bedrock.on(ConverseCommand).rejects(accessDenied());
    const { extractor: llm, logger, sleep } = extractor();
    const result = await llm.extract(articleInput());
    const expected = await rules.extract(articleInput());

    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
    expect(sleep.waits).toEqual([]);
    expect(result.extractorVersion).toBe('rules@1.93.0');
    expect(result.statements).toEqual(expected.statements);
    expect(result.statements.length).toBeGreaterThan(0);
    expect(result.report).toMatchObject({ producedBy: 'rules', fallback: { errorName: 'AccessDeniedException' } });
    expect(logger.lines.find((line) => line.level === 'warn')?.extra).toMatchObject({
      errorName: 'AccessDeniedException',
    });
  });

  it('falls back when a model refuses the request (ValidationException), e.g. a tool choice it does not support', async () => {
    bedrock.on(ConverseCommand).rejects(validationFailed());
    const result = await extractor().extractor.extract(articleInput());
    expect(result.extractorVersion).toBe('rules@1.93.0');
    expect(result.report.fallback?.errorName).toBe('ValidationException');
  });

  it('falls back when transient errors outlast the retries, keeping the tokens spent on the way', async () => {
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(statementsAnswer([aModelStatement(0)], { inputTokens: 1000, outputTokens: 50 }))
      .rejects(serviceUnavailable());
    const { extractor: llm } = extractor({ chunking: { maxChars: 250, contextSentences: 0 }, concurrency: 1 });
    const result = await llm.extract(articleInput());

    expect(result.extractorVersion).toBe('rules@1.93.0');
    expect(result.report.fallback?.errorName).toBe('ServiceUnavailableException');
    expect(result.report.calls).toBe(4);
    expect(result.report.usage.inputTokens).toBe(1000);
    expect(result.report.modelStatements).toBe(0);
  });

  it('falls back when the time budget runs out between retries', async () => {
    let clock = 0;
    bedrock.on(ConverseCommand).callsFake(async () => {
      clock += 4_000;
      throw throttling();
    });
    const { extractor: llm } = extractor({ deadlineMs: 5_000, now: () => clock, retry: { attempts: 5 } });
    const result = await llm.extract(articleInput());

    expect(result.extractorVersion).toBe('rules@1.93.0');
    expect(bedrock.commandCalls(ConverseCommand).length).toBeLessThanOrEqual(2);
  });
});

describe('Bedrock extractor: long documents', () => {
  const paragraphs = Array.from({ length: 30 }, (_, i) =>
    i % 3 === 0
      ? `On day ${i + 1} of the talks, Foreign Minister Andrii Sybiha said Ukraine would not cede territory number ${i + 1}.`
      : `Reporters counted ${i + 1} convoys on the road to the border that morning.`,
  );
  const longText = paragraphs.join(' ');

  it('splits by sentences into several calls within the budget, then merges and de-duplicates', async () => {
    bedrock.on(ConverseCommand).callsFake(async (input: ConverseCommandInput) => {
      const { targets, context } = sentencesIn(input);
      const statements = targets
        .filter((index) => index % 3 === 0)
        .flatMap((index) => [
          aModelStatement(index, {}, paragraphs),
          aModelStatement(index, { confidence: 0.6 }, paragraphs),
        ]);
      // The model also "finds" the stance again in a context sentence: dropped, not duplicated.
      const repeated = context
        .filter((index) => index % 3 === 0)
        .map((index) => aModelStatement(index, {}, paragraphs));
      return statementsAnswer([...statements, ...repeated], { inputTokens: 900, outputTokens: 120 });
    });
    const { extractor: llm } = extractor({ chunking: { maxChars: 800, contextSentences: 2 } });
    const result = await llm.extract(articleInput('doc-long', longText));

    const inputs = sentInputs();
    expect(inputs.length).toBeGreaterThan(3);
    const targets = inputs.flatMap((input) => sentencesIn(input).targets);
    expect(targets.sort((a, b) => a - b)).toEqual(paragraphs.map((_, i) => i));
    for (const input of inputs) {
      const listed = messageOf(input)
        .split('\n')
        .filter((line) => /^\[\d+\]/.test(line));
      expect(listed.join('').length).toBeLessThanOrEqual(800 + 40 * listed.length);
    }
    expect(result.statements.map((s) => s.sentenceIndex)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
    expect(new Set(result.statements.map((s) => s.statementId)).size).toBe(10);
    expect(result.statements.every((s) => s.confidence === 0.85 && longText.includes(s.quote))).toBe(true);
    expect(result.report.calls).toBe(inputs.length);
    expect(result.report.usage).toMatchObject({ inputTokens: 900 * inputs.length, outputTokens: 120 * inputs.length });
  });

  it('asks again in halves when an answer is cut off at max_tokens', async () => {
    bedrock.on(ConverseCommand).callsFake(async (input: ConverseCommandInput) => {
      const { targets } = sentencesIn(input);
      if (targets.length > 8)
        return toolUseAnswer({ statements: [aModelStatement(0, {}, paragraphs)] }, { stopReason: 'max_tokens' });
      return statementsAnswer(
        targets.filter((index) => index % 3 === 0).map((index) => aModelStatement(index, {}, paragraphs)),
      );
    });
    const { extractor: llm } = extractor({ chunking: { maxChars: 100_000, contextSentences: 1 } });
    const result = await llm.extract(articleInput('doc-long', longText));

    expect(sentInputs().map((input) => sentencesIn(input).targets.length)).toEqual([30, 15, 8, 7, 15, 8, 7]);
    expect(result.statements).toHaveLength(10);
    expect(result.report.malformedAnswers).toEqual({});
  });
});

describe('Hybrid extractor (rules+bedrock)', () => {
  it('asks the model only about sentences naming an actor and a topic cue that the rules left empty', async () => {
    bedrock.on(ConverseCommand).resolves(
      statementsAnswer([
        aModelStatement(2, { topic: 'ceasefire', proposition: 'ceasefire', polarity: 'oppose' }),
        aModelStatement(4, {
          actor: 'china',
          speaker: undefined,
          topic: 'talks',
          proposition: 'peace-talks',
          polarity: 'oppose',
          attribution: 'reported',
        }),
      ]),
    );
    const { extractor: llm } = extractor({ mode: 'rules+bedrock', chunking: { contextSentences: 1 } });
    const result = await llm.extract(articleInput());
    const fromRules = await rules.extract(articleInput());

    const [request] = sentInputs();
    expect(sentInputs()).toHaveLength(1);
    // 0 and 5 have rules statements; 1 names no actor; 6 has no topic cue; 3 names Kyiv and "talks".
    expect(sentencesIn(request!)).toEqual({ targets: [2, 3, 4], context: [1] });
    expect(result.extractorVersion).toBe(`rules@1.93.0+bedrock:${MODEL_ID}@1.1.0`);
    expect(result.statements).toHaveLength(fromRules.statements.length + 2);
    expect(result.statements).toEqual(expect.arrayContaining(fromRules.statements));
    expect(result.report).toMatchObject({ producedBy: 'rules+bedrock', sentencesAsked: 3, modelStatements: 2 });
  });

  it('makes no call when the rules covered every candidate sentence', async () => {
    const covered = [SENTENCES[0], SENTENCES[1], SENTENCES[5], SENTENCES[6]].join('\n');
    const { extractor: llm } = extractor({ mode: 'rules+bedrock' });
    const result = await llm.extract(articleInput('doc-covered', covered));

    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(0);
    expect(result.extractorVersion).toBe('rules@1.93.0');
    expect(result.report).toMatchObject({ producedBy: 'rules', calls: 0, usage: { inputTokens: 0, outputTokens: 0 } });
  });

  it('returns the rules result as is when the model fails hard', async () => {
    bedrock.on(ConverseCommand).rejects(accessDenied());
    const { extractor: llm } = extractor({ mode: 'rules+bedrock' });
    const result = await llm.extract(articleInput());
    const fromRules = await rules.extract(articleInput());

    expect(result.extractorVersion).toBe('rules@1.93.0');
    expect(result.statements).toEqual(fromRules.statements);
    expect(result.report.fallback?.errorName).toBe('AccessDeniedException');
  });

  it('bounds the sentences asked per document', async () => {
    bedrock.on(ConverseCommand).resolves(statementsAnswer([]));
    const { extractor: llm, logger } = extractor({ mode: 'rules+bedrock', maxSentencesAsked: 2 });
    const result = await llm.extract(articleInput());

    expect(sentencesIn(sentInputs()[0]!).targets).toEqual([2, 3]);
    expect(result.report.sentencesAsked).toBe(2);
    expect(logger.lines.some((line) => line.level === 'warn' && line.extra?.candidates === 3)).toBe(true);
  });
});

describe('Bedrock extractor: input', () => {
  it('refuses what the rules refuse, and yields nothing (no call) for a document without sentences', async () => {
    const { extractor: llm } = extractor();
    await expect(llm.extract({ documentId: 'd', text: ARTICLE, publishedAt: 'last Tuesday' })).rejects.toThrow(
      /publishedAt/,
    );
    const empty = await llm.extract({ documentId: 'd', text: '   \n ', publishedAt: PUBLISHED_AT });
    expect(empty.statements).toEqual([]);
    expect(empty.extractorVersion).toBe(`bedrock:${MODEL_ID}@1.1.0`);
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(0);
  });
});
