/** Engines: the built-in stages, or the real `weaver` binary with its output mapped. */
export { runBuiltinStages, type BuiltinOutcome, type BuiltinRun } from './builtin.ts';
