export { loadPipeline, type LoadPipelineOptions } from './load.ts';
export { stepKinds } from './types.ts';
export { PipelineError, type PipelineLocation, type PipelineProblem } from './errors.ts';
export type {
  AuditLevel,
  Budgets,
  CommandStepSpec,
  DocsCheckStepSpec,
  FeatureSpec,
  LiveCheckStepSpec,
  NpmAuditMode,
  Pipeline,
  PipelineFile,
  RegistryCheckStepSpec,
  SecurityAuditStepSpec,
  StepKind,
  StepSpec,
  TickBenchStepSpec,
  TickBenchTiming,
  TierSpec,
  VitestStepSpec,
} from './types.ts';
