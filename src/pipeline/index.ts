export { loadPipeline, type LoadPipelineOptions } from './load.ts';
export { stepKinds } from './types.ts';
export { gatedCasesOf } from './budgets.ts';
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
  TickBenchGate,
  TickBenchStepSpec,
  TicksPerEventBudget,
  TickBenchTiming,
  TierSpec,
  TypecheckStepSpec,
  TypeScriptProjectSpec,
  VitestStepSpec,
} from './types.ts';
