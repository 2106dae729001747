import { StancewatchError } from '../../errors/stancewatch-error';

/**
 * The model could not be asked (access denied, unknown model, a request it refuses, or transient
 * errors that outlasted the retries and the time budget). The extractor catches it and falls back
 * to the rules for that document; it never reaches ingest.
 */
export class BedrockExtractionError extends StancewatchError {
  readonly code = 'BEDROCK_EXTRACTION_FAILED';
}

export const isBedrockExtractionError = (error: unknown): error is BedrockExtractionError =>
  error instanceof BedrockExtractionError;
