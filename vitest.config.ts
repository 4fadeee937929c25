import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'feature/*/test/**/*.test.ts'],
    // The gate-integrity suite takes minutes: `npm run test:gate` (vitest.gate.config.ts).
    exclude: ['**/node_modules/**', 'test/gate/**'],
    // Several suites spawn real processes and sockets; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
