import { afterAll, beforeAll } from 'vitest';
import { ENV } from '../../shared/config';

/**
 * The reliability workload's generated stories (news-generator.ts) report what leaders said in
 * reported speech, which the default alert policy holds for a desk's review (docs/positions.md,
 * "Alert strength"). The delivery tests check that every alert is sent exactly once through faults,
 * crashes and redrives, so they run under the policy that also alerts on named reported speech: set
 * for this test file's process, read by the embedded runtime and inherited by the CLI children.
 * Set directly rather than with `vi.stubEnv`: files that call `vi.unstubAllEnvs()` after each test
 * (sns-faults.test.ts) would drop it before their next test.
 */
export function alertOnNamedSpeech(): void {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env[ENV.strongEvidence];
    process.env[ENV.strongEvidence] = 'quote,action,named-speech';
  });
  afterAll(() => {
    if (before === undefined) delete process.env[ENV.strongEvidence];
    else process.env[ENV.strongEvidence] = before;
  });
}
