import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ExtractionLogger, LlmExtractionReport } from '../../domain/extraction/llm/report';

/**
 * Where the LLM extractor's log lines and numbers go. On Lambda: Powertools (JSON logs, and EMF
 * metrics per document that CloudWatch turns into metrics). Elsewhere (CLI, embedded): JSON lines on
 * stderr — stdout may be a command's JSON output — with info lines only when asked for.
 */

/** Where the extractor runs and how much it says (shared/config.ts reads it from the environment). */
export interface ExtractionObservability {
  onLambda: boolean;
  /** POWERTOOLS_LOG_LEVEL, else LOG_LEVEL, else WARN. */
  logLevel: string;
  /** POWERTOOLS_METRICS_NAMESPACE, else "stancewatch". */
  metricsNamespace: string;
}

/** JSON lines on stderr; info only when the log level is DEBUG or INFO. */
export function stderrExtractionLogger(logLevel = 'WARN'): ExtractionLogger {
  const level = logLevel.trim().toUpperCase();
  const showInfo = level === 'DEBUG' || level === 'INFO';
  const write = (severity: string, message: string, extra?: Record<string, unknown>) =>
    process.stderr.write(
      `${JSON.stringify({ level: severity, message, timestamp: new Date().toISOString(), ...extra })}\n`,
    );
  return {
    info: (message, extra) => {
      if (showInfo) write('INFO', message, extra);
    },
    warn: (message, extra) => write('WARN', message, extra),
  };
}

export function powertoolsExtractionLogger(serviceName = 'stancewatch-extractor'): ExtractionLogger {
  const logger = new Logger({ serviceName });
  return {
    info: (message, extra) => logger.info(message, extra ?? {}),
    warn: (message, extra) => logger.warn(message, extra ?? {}),
  };
}

/** The extractor's logger for this runtime. */
export function extractionLoggerFor(settings: ExtractionObservability): ExtractionLogger {
  return settings.onLambda ? powertoolsExtractionLogger() : stderrExtractionLogger(settings.logLevel);
}

/**
 * Publishes one document's numbers as CloudWatch metrics (EMF), with the model as dimension:
 * BedrockInputTokens, BedrockOutputTokens, BedrockCalls, BedrockFallbacks, BedrockDroppedStatements,
 * BedrockModelStatements.
 */
export function metricsReporter(metrics: Metrics): (report: LlmExtractionReport) => void {
  return (report) => {
    metrics.addDimension('model', report.modelId);
    metrics.addMetric('BedrockInputTokens', MetricUnit.Count, report.usage.inputTokens);
    metrics.addMetric('BedrockOutputTokens', MetricUnit.Count, report.usage.outputTokens);
    metrics.addMetric('BedrockCalls', MetricUnit.Count, report.calls);
    metrics.addMetric('BedrockFallbacks', MetricUnit.Count, report.fallback ? 1 : 0);
    metrics.addMetric('BedrockDroppedStatements', MetricUnit.Count, report.droppedStatements);
    metrics.addMetric('BedrockModelStatements', MetricUnit.Count, report.modelStatements);
    metrics.publishStoredMetrics();
  };
}

/** On Lambda, a reporter writing EMF metrics in the configured namespace; elsewhere none. */
export function extractionMetricsFor(
  settings: ExtractionObservability,
): ((report: LlmExtractionReport) => void) | undefined {
  if (!settings.onLambda) return undefined;
  return metricsReporter(new Metrics({ namespace: settings.metricsNamespace, serviceName: 'stancewatch-extractor' }));
}
