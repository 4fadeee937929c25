import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite, type BenchSuite } from '../../src/bench/index.ts';
import { projectRoot } from '../support/run-certify.ts';

const suitePath = resolve(projectRoot, 'feature/activity-log/bench/suite.ts');

async function activityLogSuite(): Promise<BenchSuite> {
  const loaded = await loadSuite(suitePath);
  if (!loaded.ok) throw loaded.error;
  return loaded.value.suite;
}

// Not a speed test: each case is set up and run twice, untimed, to show it does its work (its
// run reports the operations it declares) and that its state checks hold on a correct run.
describe("the activity log's benchmark suite", () => {
  it('names its peers and ratios between cases it has', async () => {
    const suite = await activityLogSuite();
    const names = suite.cases.map((entry) => entry.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'activity-log/hot-path/batch',
        'activity-log/log-event/api-only',
        'activity-log/log-event/sdk',
        'activity-log/peers/tutorial-port/sdk',
        'activity-log/peers/otel-logs-sdk',
        'activity-log/peers/span-counter-histogram',
      ]),
    );
    for (const ratio of suite.ratios ?? []) {
      expect(names).toContain(ratio.numerator);
      expect(names).toContain(ratio.denominator);
    }
  });

  it('has cases that report the operations they declare and leave the state they promise', async () => {
    const suite = await activityLogSuite();
    for (const benchCase of suite.cases) {
      const prepared = await benchCase.setup();
      try {
        for (let round = 0; round < 2; round += 1) {
          await prepared.beforeRun?.();
          expect({ name: benchCase.name, got: prepared.run() }).toEqual({
            name: benchCase.name,
            got: benchCase.opsPerRun,
          });
        }
        expect({ name: benchCase.name, problems: await prepared.verify?.() }).toEqual({
          name: benchCase.name,
          problems: prepared.verify === undefined ? undefined : [],
        });
      } finally {
        await prepared.close?.();
      }
    }
  });
});
