import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import {
  bedrockExtractorVersion,
  createBedrockExtractor,
  hybridExtractorVersion,
} from '../adapters/bedrock/bedrock-extractor';
import { createBedrockRuntimeClient } from '../adapters/bedrock/bedrock-runtime-client';
import { extractionLoggerFor, extractionMetricsFor } from '../adapters/bedrock/extraction-logging';
import type { Config } from '../config';
import { loadCodebook } from '../domain/extraction/codebook/load-codebook';
import type { Codebook } from '../domain/extraction/codebook/schema';
import type { ExtractionLogger, LlmExtractionReport } from '../domain/extraction/llm/report';
import { createRulesExtractor, RULES_EXTRACTOR_VERSION } from '../domain/extraction/rules-extractor';
import type { Extractor } from '../ports/extractor';

/** The part of the configuration that decides the extractor. */
export type ExtractorConfig = Pick<Config, 'extractor' | 'codebookPath' | 'observability'>;

/** What tests (and callers with their own wiring) may supply instead of what the configuration builds. */
export interface ExtractorDependencies {
  bedrockClient?: BedrockRuntimeClient;
  logger?: ExtractionLogger;
  onReport?: (report: LlmExtractionReport) => void;
}

/** The configured codebook (STANCEWATCH_CODEBOOK), else the bundled one; a broken file throws here. */
export function configuredCodebook(config: Pick<Config, 'codebookPath'>): Codebook {
  return config.codebookPath ? loadCodebook(config.codebookPath) : loadCodebook();
}

/**
 * The extractor the configuration asks for: "rules" (default: offline and deterministic),
 * "bedrock" or "rules+bedrock" with the configured model, tool choice, deadline and region
 * (docs/bedrock.md). The codebook is read once, here, so a broken one stops start-up.
 */
export function createExtractor(config: ExtractorConfig, dependencies: ExtractorDependencies = {}): Extractor {
  const settings = config.extractor;
  const codebook = configuredCodebook(config);
  if (settings.kind === 'rules') return createRulesExtractor({ codebook });
  const onReport = dependencies.onReport ?? extractionMetricsFor(config.observability);
  return createBedrockExtractor({
    client:
      dependencies.bedrockClient ?? createBedrockRuntimeClient(settings.region ? { region: settings.region } : {}),
    modelId: settings.modelId,
    mode: settings.kind,
    codebook,
    rules: createRulesExtractor({ codebook }),
    ...(settings.toolChoice ? { toolChoice: settings.toolChoice } : {}),
    ...(settings.deadlineSeconds !== undefined ? { deadlineMs: settings.deadlineSeconds * 1000 } : {}),
    logger: dependencies.logger ?? extractionLoggerFor(config.observability),
    ...(onReport ? { onReport } : {}),
  });
}

/**
 * The extractor version the configuration asks for, as stored statements record it: "rules@…",
 * "bedrock:<model>@…" or, for rules+bedrock, the two joined by "+". A document the model fails on
 * is stored with the rules' version instead (docs/bedrock.md).
 */
export function configuredExtractorVersion(config: Pick<Config, 'extractor'>): string {
  const settings = config.extractor;
  if (settings.kind === 'rules') return RULES_EXTRACTOR_VERSION;
  const model = bedrockExtractorVersion(settings.modelId);
  return settings.kind === 'bedrock' ? model : hybridExtractorVersion(RULES_EXTRACTOR_VERSION, model);
}
