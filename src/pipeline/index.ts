export { loadPipeline, type LoadPipelineOptions } from './load.ts';
export { exemptableChecks, stepKinds } from './types.ts';
export { gatedCasesOf } from './budgets.ts';
export { PipelineError, type PipelineLocation, type PipelineProblem } from './errors.ts';
export type {
  AuditLevel,
  Budgets,
  CommandStepSpec,
  CoverageFloors,
  DocsCheckStepSpec,
  EslintStepSpec,
  ExemptableCheck,
  Exemption,
  ExemptionEntry,
  ExemptionsFile,
  FeatureKind,
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
