/**
 * The activity log's tick benchmark suite, run by `certify bench --suite` and by the pipeline's
 * tick-bench step. Every case logs the same deterministic workload.
 */
import { defineSuite } from '../../../src/bench/index.ts';
import { peerCases } from './peers.ts';

export default defineSuite({
  cases: [...peerCases],
  ratios: [
    {
      numerator: 'activity-log/peers/tutorial-port/sdk',
      denominator: 'activity-log/peers/span-counter-histogram',
    },
    {
      numerator: 'activity-log/peers/otel-logs-sdk',
      denominator: 'activity-log/peers/span-counter-histogram',
    },
  ],
});
