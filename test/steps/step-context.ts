import type { Exemption, Pipeline } from '../../src/pipeline/index.ts';
import type { StepContext } from '../../src/steps/index.ts';
import type { TypeScriptSession } from '../../src/typescript-session/index.ts';

/** A pipeline for a fixture feature at `feature/demo` inside `projectRoot`. */
export function fixturePipeline(
  projectRoot: string,
  exemptionEntries: readonly Exemption[] = [],
): Pipeline {
  return {
    version: 1,
    file: `${projectRoot}/pipeline/certify.yaml`,
    projectRoot,
    feature: {
      name: 'demo',
      root: 'feature/demo',
      source: 'feature/demo/src',
      entry: 'feature/demo/src/index.ts',
    },
    registry: 'registry',
    budgets: { ticksPerEvent: { case: 'demo/hot-path', max: 8 }, liveCheckCoverage: 100 },
    tiers: [],
    exemptionEntries,
  };
}

/** What a step needs to run against the fixture project at `projectRoot`, with its progress lines. */
export function stepContext(
  projectRoot: string,
  options: {
    signal?: AbortSignal;
    env?: Record<string, string | undefined>;
    /** For the steps that use the run's TypeScript session; the test closes it. */
    typeScript?: TypeScriptSession;
    /** The pipeline's written exemptions. */
    exemptions?: readonly Exemption[];
  } = {},
): StepContext & { lines: string[] } {
  const lines: string[] = [];
  return {
    pipeline: fixturePipeline(projectRoot, options.exemptions),
    signal: options.signal ?? new AbortController().signal,
    env: options.env ?? process.env,
    progress: (line) => lines.push(line),
    typeScript: () => {
      if (options.typeScript === undefined) throw new Error('this test gave the step no session');
      return options.typeScript;
    },
    lines,
  };
}
