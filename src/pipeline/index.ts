export { loadPipeline, type LoadPipelineOptions } from './load.ts';
export { stepKinds } from './types.ts';
export { PipelineError, type PipelineLocation, type PipelineProblem } from './errors.ts';
export type {
  AuditLevel,
  Budgets,
  CommandStepSpec,
  DocsCheckStepSpec,
  EslintStepSpec,
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
  TypecheckStepSpec,
  TypeScriptProjectSpec,
  VitestStepSpec,
} from './types.ts';
