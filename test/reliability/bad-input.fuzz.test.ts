import { describe, expect, it } from 'vitest';
import { BAD_INPUT_FAMILIES } from '../support/bad-input';
import { fuzzCliIngest, fuzzPostDocuments } from '../support/bad-input-harness';

/**
 * Issue 7, item 5: adversarial documents (test/support/bad-input.ts: empty, whitespace, 5 MB,
 * binary, invalid UTF-8, HTML, deeply nested JSON, wrong types, huge numbers, __proto__ keys,
 * control characters, 100k sentences without a period, and odd but valid text) against
 * POST /documents and `stancewatch ingest`: always a 2xx or a clean 4xx / a clean CLI report,
 * never a 5xx or a crash, nothing partially written, bounded time per document. 500 cases against
 * each here; 10,000 in bad-input.fuzz.slow.test.ts.
 */
describe('bad input', () => {
  it('POST /documents answers 500 adversarial documents with a 2xx or a clean 4xx, writing all or nothing', async () => {
    const report = await fuzzPostDocuments(500);
    expect(Object.keys(report.byFamily).length).toBeGreaterThanOrEqual(BAD_INPUT_FAMILIES.length - 2);
    console.info(`POST /documents fuzz: ${JSON.stringify(report)}`);
  }, 600_000);

  it('stancewatch ingest reports 500 adversarial inputs (2 runs of 250) as ingested or rejected, never crashing', async () => {
    const report = await fuzzCliIngest(2, 250);
    console.info(`stancewatch ingest fuzz: ${JSON.stringify(report)}`);
  }, 600_000);
});
