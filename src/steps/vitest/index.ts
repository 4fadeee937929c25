import { fileURLToPath } from 'node:url';

export { findTrivialTests } from './assertions.ts';
export { checkCoverage, floorsOf, readCoverageSummary, type Floors } from './coverage.ts';
export { RESULTS_FORMAT, RESULTS_VARIABLE, type VitestResults } from './results.ts';
export { describeError, testCounts, testFindings } from './test-findings.ts';

/** certify's Vitest reporter, which the vitest step gives to `vitest run --reporter`. */
export const reporterFile = fileURLToPath(new URL('./reporter.ts', import.meta.url));
