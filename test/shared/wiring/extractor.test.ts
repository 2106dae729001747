import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../../shared/config';
import type { LlmExtractionReport, LlmExtractionResult } from '../../../shared/domain/extraction/llm/report';
import { createExtractor, type ExtractorDependencies } from '../../../shared/wiring/extractor';
import {
  aModelStatement,
  articleInput,
  MODEL_ID,
  recordingLogger,
  statementsAnswer,
} from '../adapters/bedrock/converse-fixtures';

const bedrock = mockClient(BedrockRuntimeClient);

afterEach(() => {
  bedrock.reset();
});

/** The configuration read from `env`, then the extractor it asks for: what every runtime does at start-up. */
const extractorFromEnvironment = (env: Record<string, string>, dependencies?: ExtractorDependencies) =>
  createExtractor(readConfig(env), dependencies);

const client = () =>
  new BedrockRuntimeClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' } });

describe('extractorFromEnvironment', () => {
  it('picks the rules extractor by default', () => {
    expect(extractorFromEnvironment({}).name).toBe('rules');
    expect(extractorFromEnvironment({ STANCEWATCH_EXTRACTOR: ' ' }).name).toBe('rules');
  });

  it('picks the Bedrock extractor with its model, and the hybrid', () => {
    const llm = extractorFromEnvironment(
      { STANCEWATCH_EXTRACTOR: 'bedrock', STANCEWATCH_BEDROCK_MODEL: MODEL_ID },
      { bedrockClient: client() },
    );
    expect(llm).toMatchObject({ name: 'bedrock', modelId: MODEL_ID });
    const hybrid = extractorFromEnvironment({
      STANCEWATCH_EXTRACTOR: 'rules+bedrock',
      STANCEWATCH_BEDROCK_MODEL: 'us.amazon.nova-lite-v1:0',
      STANCEWATCH_BEDROCK_REGION: 'us-west-2',
    });
    expect(hybrid).toMatchObject({ name: 'rules+bedrock', modelId: 'us.amazon.nova-lite-v1:0' });
  });

  it('wires the environment through: tool choice, logger and the per-document report', async () => {
    bedrock
      .on(ConverseCommand)
      .resolves(statementsAnswer([aModelStatement(0)], { inputTokens: 2000, outputTokens: 70 }));
    const reports: LlmExtractionReport[] = [];
    const logger = recordingLogger();
    const llm = extractorFromEnvironment(
      {
        STANCEWATCH_EXTRACTOR: 'bedrock',
        STANCEWATCH_BEDROCK_MODEL: 'meta.llama3-1-70b-instruct-v1:0',
        STANCEWATCH_BEDROCK_TOOL_CHOICE: 'any',
      },
      { bedrockClient: client(), logger, onReport: (report) => reports.push(report) },
    );
    const result = (await llm.extract(articleInput())) as LlmExtractionResult;

    expect(result.extractorVersion).toBe('bedrock:meta.llama3-1-70b-instruct-v1:0@1.1.0');
    expect(bedrock.commandCalls(ConverseCommand)[0]?.args[0].input.toolConfig?.toolChoice).toEqual({ any: {} });
    expect(reports).toHaveLength(1);
    expect(reports[0]?.usage).toMatchObject({ inputTokens: 2000, outputTokens: 70 });
    expect(logger.lines.some((line) => line.message === 'bedrock extraction')).toBe(true);
  });

  it.each([
    [{ STANCEWATCH_EXTRACTOR: 'bedrock' }, /STANCEWATCH_EXTRACTOR=bedrock needs STANCEWATCH_BEDROCK_MODEL/],
    [
      { STANCEWATCH_EXTRACTOR: 'rules+bedrock', STANCEWATCH_BEDROCK_MODEL: '  ' },
      /rules\+bedrock needs STANCEWATCH_BEDROCK_MODEL/,
    ],
    [
      { STANCEWATCH_EXTRACTOR: 'bedrock', STANCEWATCH_BEDROCK_MODEL: 'claude haiku' },
      /does not look like a Bedrock model id/,
    ],
    [
      {
        STANCEWATCH_EXTRACTOR: 'bedrock',
        STANCEWATCH_BEDROCK_MODEL: MODEL_ID,
        STANCEWATCH_BEDROCK_TOOL_CHOICE: 'force',
      },
      /STANCEWATCH_BEDROCK_TOOL_CHOICE=force is not one of: tool, any, auto/,
    ],
    [
      {
        STANCEWATCH_EXTRACTOR: 'bedrock',
        STANCEWATCH_BEDROCK_MODEL: MODEL_ID,
        STANCEWATCH_BEDROCK_DEADLINE_SECONDS: '0',
      },
      /DEADLINE_SECONDS=0 must be a positive number/,
    ],
    [
      { STANCEWATCH_EXTRACTOR: 'openai' },
      /STANCEWATCH_EXTRACTOR=openai is not an extractor; choose one of: rules, bedrock, rules\+bedrock/,
    ],
  ])('fails fast at start-up on %j', (env, message) => {
    expect(() => extractorFromEnvironment(env, { bedrockClient: client() })).toThrow(message);
  });
});

describe('extractorFromEnvironment and the codebook', () => {
  it('reads STANCEWATCH_CODEBOOK from the environment it is given, for every kind', () => {
    const env = { STANCEWATCH_CODEBOOK: '/nonexistent/codebook.json' };
    expect(() => extractorFromEnvironment(env)).toThrow(/cannot read codebook \/nonexistent\/codebook.json/);
    expect(() =>
      extractorFromEnvironment(
        { ...env, STANCEWATCH_EXTRACTOR: 'bedrock', STANCEWATCH_BEDROCK_MODEL: MODEL_ID },
        { bedrockClient: client() },
      ),
    ).toThrow(/cannot read codebook/);
  });
});
