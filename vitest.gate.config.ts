import { defineConfig } from 'vitest/config';

/**
 * The gate-integrity suite (`npm run test:gate`): certify runs on copies of the project, one
 * injected fault at a time. Each run takes up to a minute and uses both cores, so the suite runs
 * apart from `npm test`, one file, its tests one after another.
 */
export default defineConfig({
  test: {
    include: ['test/gate/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
