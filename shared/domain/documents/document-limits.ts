/**
 * Size limits, chosen so that one document commit (its text plus every statement's quote) stays
 * well under DynamoDB's 400 KB item limit. Documented in docs/event-store.md.
 */

/** Largest raw input accepted (an HTML page is bigger than its article). */
export const MAX_RAW_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** Largest article text stored after HTML extraction and normalisation. */
export const MAX_TEXT_BYTES = 100 * 1024;
