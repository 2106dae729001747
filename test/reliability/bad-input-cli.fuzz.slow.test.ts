import { describe, it } from 'vitest';
import { fuzzCliIngest } from '../support/bad-input-harness';

/**
 * The long version of bad-input.fuzz.test.ts for `stancewatch ingest` (npm run test:slow); a file
 * of its own so that it runs beside the POST /documents one on CI's two cores.
 */
describe('bad input, at length: stancewatch ingest', () => {
  it('reports 10,000 adversarial inputs (20 runs of 500) as ingested or rejected, never crashing', async () => {
    const report = await fuzzCliIngest(20, 500);
    console.info(`stancewatch ingest fuzz (slow): ${JSON.stringify(report)}`);
  }, 2_400_000); // CI's whole run took 11 min; 40 min leaves room for a loaded machine within CI's 90
});
