import { afterAll, beforeAll } from 'vitest';
import { ENV } from '../../shared/config';
import { MIN_POSITION_CONFIDENCE } from '../../shared/domain/positions/rules';

/**
 * The reliability workload's generated stories (news-generator.ts) report what leaders said in
 * reported speech, which the default alert policy holds for a desk's review (docs/positions.md,
 * "Alert strength"). The delivery tests check that every alert is sent exactly once through faults,
 * crashes and redrives, so they run under the policy that also alerts on named reported speech: set
 * for this test file's process, read by the embedded runtime and inherited by the CLI children.
 * Set directly rather than with `vi.stubEnv`: files that call `vi.unstubAllEnvs()` after each test
 * (sns-faults.test.ts) would drop it before their next test. The policy's confidence floor is put at
 * the position threshold (0.6), for the same reason: on the fitted confidence a few of the
 * workload's readings sit between 0.6 and the default 0.7, and every contradiction that is raised
 * must be alerted here.
 */
export function alertOnNamedSpeech(): void {
  const settings: Array<[string, string]> = [
    [ENV.strongEvidence, 'quote,action,named-speech'],
    [ENV.strongMinConfidence, String(MIN_POSITION_CONFIDENCE)],
  ];
  const before = new Map<string, string | undefined>();
  beforeAll(() => {
    for (const [name, value] of settings) {
      before.set(name, process.env[name]);
      process.env[name] = value;
    }
  });
  afterAll(() => {
    for (const [name] of settings) {
      const value = before.get(name);
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}
