export { runPipeline, unknownIds, type RunPipelineOptions } from './run.ts';
export {
  rendererChoices,
  resolveRenderer,
  type RendererChoice,
  type ResolvedRenderer,
} from './renderer.ts';
export { seconds } from './describe.ts';
export type { RunResult, StepIdentity, StepResult, TierResult, TierStatus } from './types.ts';
