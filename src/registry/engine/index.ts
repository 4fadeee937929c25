/** Engines: the built-in stages, or the real `weaver` binary with its output mapped. */
export { runBuiltinStages, type BuiltinOutcome, type BuiltinRun } from './builtin.ts';
export { findWeaverOnPath, isUsableWeaver } from './find-weaver.ts';
export { runWeaver, weaverArguments, type WeaverOutcome, type WeaverRunOptions } from './weaver.ts';
export { mapWeaverJson, type WeaverOutput } from './weaver-json.ts';
export { planEngine, type EngineChoice, type EnginePlan, type EngineRequest } from './choose.ts';
