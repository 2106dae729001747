import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { createBedrockExtractor } from '../adapters/bedrock/bedrock-extractor';
import { createBedrockRuntimeClient } from '../adapters/bedrock/bedrock-runtime-client';
import { extractionLoggerFor, extractionMetricsFor } from '../adapters/bedrock/extraction-logging';
import { codebookFromEnvironment } from '../domain/extraction/codebook/load-codebook';
import type { ExtractionLogger, LlmExtractionReport } from '../domain/extraction/llm/report';
import { createRulesExtractor } from '../domain/extraction/rules-extractor';
import type { Extractor } from '../ports/extractor';
import { extractorSettingsFromEnvironment } from './extractor-settings';

export { EXTRACTOR_KINDS, type ExtractorKind } from './extractor-settings';

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
  const settings = extractorSettingsFromEnvironment(env);
  const codebook = codebookFromEnvironment(env);
  if (settings.kind === 'rules') return createRulesExtractor({ codebook });
  const onReport = dependencies.onReport ?? extractionMetricsFor(env);
  return createBedrockExtractor({
    client:
      dependencies.bedrockClient ?? createBedrockRuntimeClient(settings.region ? { region: settings.region } : {}),
    modelId: settings.modelId,
    mode: settings.kind,
    codebook,
    rules: createRulesExtractor({ codebook }),
    ...(settings.toolChoice ? { toolChoice: settings.toolChoice } : {}),
    ...(settings.deadlineSeconds !== undefined ? { deadlineMs: settings.deadlineSeconds * 1000 } : {}),
    logger: dependencies.logger ?? extractionLoggerFor(env),
    ...(onReport ? { onReport } : {}),
  });
}
