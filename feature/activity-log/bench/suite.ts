/**
 * The activity log's tick benchmark suite, run by `certify bench --suite` and by the pipeline's
 * tick-bench step (gated case `activity-log/hot-path/batch`). Every case logs the same
 * deterministic workload; the ratios compare medians measured in the same run.
 */
// Types only: every measuring process loads this file, and the harness's entry would also load
// the command-line runner (execa and the rest, about 0.4 s per process) for nothing.
import type { BenchSuite } from '../../../src/bench/index.ts';
import { activityLogCases, hotPathCase } from './activity-log-cases.ts';
import { peerCases } from './peers.ts';

const logEventSdk = 'activity-log/log-event/sdk';
const logEventApiOnly = 'activity-log/log-event/api-only';
const tutorialSdk = 'activity-log/peers/tutorial-port/sdk';
const tutorialApiOnly = 'activity-log/peers/tutorial-port/api-only';
const logsSdk = 'activity-log/peers/otel-logs-sdk';
const bareTelemetry = 'activity-log/peers/span-counter-histogram';

const suite: BenchSuite = {
  cases: [...activityLogCases, ...peerCases],
  // Three interleaved rounds: a burst of load on the shared machine weighs on every case alike.
  // Up to ten warm-up passes: with the SDK exporting, the OTLP encoder runs once per call and
  // takes six to eight passes of 100 ms (several hundred calls) to be optimised here.
  timing: { rounds: 3, maxWarmupPasses: 10 },
  ratios: [
    // The rule: logEvent with real telemetry at most 1.25 times the bare telemetry.
    { numerator: logEventSdk, denominator: bareTelemetry, limit: 1.25 },
    { numerator: tutorialSdk, denominator: logEventSdk },
    { numerator: tutorialApiOnly, denominator: logEventApiOnly },
    { numerator: logsSdk, denominator: logEventSdk },
    { numerator: logEventApiOnly, denominator: hotPathCase },
    { numerator: tutorialApiOnly, denominator: hotPathCase },
    { numerator: logsSdk, denominator: hotPathCase },
  ],
};

export default suite;
