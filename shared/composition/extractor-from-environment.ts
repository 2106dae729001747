import { createRulesExtractor } from '../extraction/rules-extractor';
import type { Extractor } from '../ports/extractor';

export const EXTRACTOR_KINDS = ['rules'] as const;
export type ExtractorKind = (typeof EXTRACTOR_KINDS)[number];

/**
 * Picks the extractor from STANCEWATCH_EXTRACTOR (default "rules": offline and deterministic).
 * An unknown value stops start-up with a message listing the choices.
 */
export function extractorFromEnvironment(env: NodeJS.ProcessEnv = process.env): Extractor {
  const kind = (env.STANCEWATCH_EXTRACTOR?.trim() || 'rules') as ExtractorKind;
  switch (kind) {
    case 'rules':
      return createRulesExtractor();
    default:
      throw new Error(
        `STANCEWATCH_EXTRACTOR=${String(kind)} is not an extractor; choose one of: ${EXTRACTOR_KINDS.join(', ')}`,
      );
  }
}
