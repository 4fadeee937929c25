import {
  TypeScriptSessionError,
  type ProgramUse,
  type ToolOrigin,
} from '../typescript-session/index.ts';
import type { StepOutcome } from './types.ts';

/** `TypeScript 5.9.3`, saying when it is certify's copy because the project has none. */
export function describeTool(name: string, origin: ToolOrigin): string {
  const from = origin.from === 'certify' ? ", certify's own: the project has none" : '';
  return `${name} ${origin.version}${from}`;
}

/** Whether the program was built for this step or shared with an earlier one. */
export function describeProgram(use: ProgramUse): string {
  return use.built
    ? `program of ${use.configFile} built in ${(use.buildMs / 1000).toFixed(1)} s`
    : `shared program of ${use.configFile} reused`;
}

/** A request the session could not answer, as the step's outcome. */
export function sessionFailure(what: string, error: unknown): StepOutcome {
  if (error instanceof TypeScriptSessionError) {
    return { status: 'fail', reason: `${what} could not run: ${error.message}` };
  }
  throw error;
}
