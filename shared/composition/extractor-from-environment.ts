import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { createBedrockExtractor } from '../adapters/bedrock/bedrock-extractor';
import { createBedrockRuntimeClient } from '../adapters/bedrock/bedrock-runtime-client';
import { TOOL_CHOICE_MODES, type ToolChoiceMode } from '../adapters/bedrock/converse-statements';
import { extractionLoggerFor, extractionMetricsFor } from '../adapters/bedrock/extraction-logging';
import { codebookFromEnvironment } from '../extraction/codebook/load-codebook';
import { createRulesExtractor } from '../extraction/rules-extractor';
import type { ExtractionLogger, LlmExtractionReport } from '../llm-extraction/report';
import type { Extractor } from '../ports/extractor';

export const EXTRACTOR_KINDS = ['rules', 'bedrock', 'rules+bedrock'] as const;
export type ExtractorKind = (typeof EXTRACTOR_KINDS)[number];

/** A model id, an inference profile id ("us.anthropic…") or an ARN: no spaces, nothing exotic. */
const BEDROCK_MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{2,255}$/;

/** What tests (and callers with their own wiring) may supply instead of what the environment builds. */
export interface ExtractorDependencies {
  bedrockClient?: BedrockRuntimeClient;
  logger?: ExtractionLogger;
  onReport?: (report: LlmExtractionReport) => void;
}

/**
 * Picks the extractor from STANCEWATCH_EXTRACTOR (default "rules": offline and deterministic).
 * "bedrock" and "rules+bedrock" need STANCEWATCH_BEDROCK_MODEL; optional STANCEWATCH_BEDROCK_REGION,
 * STANCEWATCH_BEDROCK_TOOL_CHOICE and STANCEWATCH_BEDROCK_DEADLINE_SECONDS (docs/bedrock.md). A
 * missing or invalid value stops start-up with a message saying which and what to set.
 */
export function extractorFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  dependencies: ExtractorDependencies = {},
): Extractor {
  const kind = (env.STANCEWATCH_EXTRACTOR?.trim() || 'rules') as ExtractorKind;
  switch (kind) {
    case 'rules':
      return createRulesExtractor({ codebook: codebookFromEnvironment(env) });
    case 'bedrock':
    case 'rules+bedrock':
      return bedrockFromEnvironment(kind, env, dependencies);
    default:
      throw new Error(
        `STANCEWATCH_EXTRACTOR=${String(kind)} is not an extractor; choose one of: ${EXTRACTOR_KINDS.join(', ')}`,
      );
  }
}

function bedrockFromEnvironment(
  kind: 'bedrock' | 'rules+bedrock',
  env: NodeJS.ProcessEnv,
  dependencies: ExtractorDependencies,
): Extractor {
  const modelId = env.STANCEWATCH_BEDROCK_MODEL?.trim();
  if (!modelId) {
    throw new Error(
      `STANCEWATCH_EXTRACTOR=${kind} needs STANCEWATCH_BEDROCK_MODEL, the Bedrock model or inference profile to call ` +
        '(e.g. anthropic.claude-3-haiku-20240307-v1:0); see docs/bedrock.md',
    );
  }
  if (!BEDROCK_MODEL_ID.test(modelId)) {
    throw new Error(`STANCEWATCH_BEDROCK_MODEL="${modelId}" does not look like a Bedrock model id or ARN`);
  }
  const toolChoice = env.STANCEWATCH_BEDROCK_TOOL_CHOICE?.trim();
  if (toolChoice && !TOOL_CHOICE_MODES.includes(toolChoice as ToolChoiceMode)) {
    throw new Error(
      `STANCEWATCH_BEDROCK_TOOL_CHOICE=${toolChoice} is not one of: ${TOOL_CHOICE_MODES.join(', ')} (default: by model)`,
    );
  }
  const deadlineText = env.STANCEWATCH_BEDROCK_DEADLINE_SECONDS?.trim();
  const deadlineSeconds = deadlineText ? Number(deadlineText) : undefined;
  if (deadlineSeconds !== undefined && !(Number.isFinite(deadlineSeconds) && deadlineSeconds > 0)) {
    throw new Error(`STANCEWATCH_BEDROCK_DEADLINE_SECONDS=${deadlineText} must be a positive number of seconds`);
  }
  const region = env.STANCEWATCH_BEDROCK_REGION?.trim();
  const codebook = codebookFromEnvironment(env);
  const onReport = dependencies.onReport ?? extractionMetricsFor(env);
  return createBedrockExtractor({
    client: dependencies.bedrockClient ?? createBedrockRuntimeClient(region ? { region } : {}),
    modelId,
    mode: kind,
    codebook,
    rules: createRulesExtractor({ codebook }),
    ...(toolChoice ? { toolChoice: toolChoice as ToolChoiceMode } : {}),
    ...(deadlineSeconds !== undefined ? { deadlineMs: deadlineSeconds * 1000 } : {}),
    logger: dependencies.logger ?? extractionLoggerFor(env),
    ...(onReport ? { onReport } : {}),
  });
}
