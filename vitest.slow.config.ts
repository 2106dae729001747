import { defineConfig } from 'vitest/config';

/** `npm run test:slow`: long-running reliability suites (crash loops, 10k fuzz cases). */
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.ts'],
    setupFiles: ['test/setup-env.ts'],
    testTimeout: 40 * 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
