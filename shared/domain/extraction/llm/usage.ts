/**
 * Token usage and what it costs. Usage comes from the model's own count (Converse `usage`), summed
 * over every call made for a document, retries and re-asked halves included: that is what is billed.
 */

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from a prompt cache (billed at the cache-read price), when reported. */
  cacheReadInputTokens: number;
  /** Input tokens written to a prompt cache (billed at the cache-write price), when reported. */
  cacheWriteInputTokens: number;
}

export const noUsage = (): TokenUsage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadInputTokens: 0,
  cacheWriteInputTokens: 0,
});

export function addUsage(into: TokenUsage, from: Partial<TokenUsage> | undefined): TokenUsage {
  if (!from) return into;
  into.inputTokens += count(from.inputTokens);
  into.outputTokens += count(from.outputTokens);
  into.cacheReadInputTokens += count(from.cacheReadInputTokens);
  into.cacheWriteInputTokens += count(from.cacheWriteInputTokens);
  return into;
}

const count = (value: number | undefined) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;

/**
 * Prices in US dollars per 1,000 tokens, as the caller found them on the provider's price list
 * (they differ by model, region and over time: pass them in, with the date they were read).
 * Cache prices default to the input price when not given.
 */
export interface TokenPrices {
  inputPer1k: number;
  outputPer1k: number;
  cacheReadPer1k?: number;
  cacheWritePer1k?: number;
}

export interface CostEstimate {
  inputUsd: number;
  outputUsd: number;
  cacheUsd: number;
  totalUsd: number;
}

/** What a usage costs at the given prices (no rounding: format it where it is shown). */
export function costOf(usage: TokenUsage, prices: TokenPrices): CostEstimate {
  const inputUsd = (usage.inputTokens / 1000) * prices.inputPer1k;
  const outputUsd = (usage.outputTokens / 1000) * prices.outputPer1k;
  const cacheUsd =
    (usage.cacheReadInputTokens / 1000) * (prices.cacheReadPer1k ?? prices.inputPer1k) +
    (usage.cacheWriteInputTokens / 1000) * (prices.cacheWritePer1k ?? prices.inputPer1k);
  return { inputUsd, outputUsd, cacheUsd, totalUsd: inputUsd + outputUsd + cacheUsd };
}

/**
 * Reference on-demand list prices (USD per 1,000 tokens, us-east-1, standard tier) for a few models
 * that support Converse tool use, as published in early 2026. Prices change: check
 * https://aws.amazon.com/bedrock/pricing/ and pass your own to `costOf` for anything that matters.
 */
export const REFERENCE_PRICES = {
  pricesAsOf: '2026-03',
  models: {
    'anthropic.claude-3-haiku-20240307-v1:0': { inputPer1k: 0.00025, outputPer1k: 0.00125 },
    'anthropic.claude-3-5-haiku-20241022-v1:0': { inputPer1k: 0.0008, outputPer1k: 0.004 },
    'anthropic.claude-haiku-4-5-20251001-v1:0': { inputPer1k: 0.001, outputPer1k: 0.005 },
    'anthropic.claude-sonnet-4-5-20250929-v1:0': { inputPer1k: 0.003, outputPer1k: 0.015 },
    'amazon.nova-micro-v1:0': { inputPer1k: 0.000035, outputPer1k: 0.00014 },
    'amazon.nova-lite-v1:0': { inputPer1k: 0.00006, outputPer1k: 0.00024 },
    'amazon.nova-pro-v1:0': { inputPer1k: 0.0008, outputPer1k: 0.0032 },
  } satisfies Record<string, TokenPrices>,
} as const;

/** The reference price of a model id (an inference-profile prefix such as "us." is ignored), if listed. */
export function referencePriceOf(modelId: string): TokenPrices | undefined {
  const models: Record<string, TokenPrices> = REFERENCE_PRICES.models;
  if (models[modelId]) return models[modelId];
  const withoutGeography = modelId.replace(/^(?:us|eu|apac|global|us-gov|jp|au|ca)\./, '');
  return models[withoutGeography];
}
