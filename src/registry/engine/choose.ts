import { classifyPolicy } from '../policy/index.ts';
import { findWeaverOnPath, isUsableWeaver } from './find-weaver.ts';

export type EngineChoice = 'auto' | 'builtin' | 'weaver';

export interface EngineRequest {
  readonly engine: EngineChoice;
  readonly weaverPath?: string;
  readonly policies: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The engine to run and the policies split by who applies them. */
export type EnginePlan =
  | {
      readonly ok: true;
      readonly engine: 'builtin' | 'weaver';
      readonly weaver?: string;
      readonly builtinPolicies: readonly string[];
      readonly regoPolicies: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

const regoNeedsWeaver = (path: string) =>
  `the Rego policy ${path} needs the real weaver binary (certify has no Rego engine): install weaver or give --weaver-path, and run with --engine weaver or auto; certify's own policy pack is builtin:otel`;

/**
 * `auto` runs the real weaver when one is found (at `--weaver-path`, else on PATH) and the
 * built-in engine otherwise; `weaver` insists on the binary; `builtin` never uses it.
 */
export function planEngine(request: EngineRequest): EnginePlan {
  const builtinPolicies: string[] = [];
  const regoPolicies: string[] = [];
  for (const choice of request.policies.map(classifyPolicy)) {
    if (choice.kind === 'unknown') {
      return {
        ok: false,
        message: `unknown built-in policy "${choice.given}"; certify's own policy pack is builtin:otel`,
      };
    }
    if (choice.kind === 'builtin') builtinPolicies.push(choice.name);
    else regoPolicies.push(choice.path);
  }
  if (request.weaverPath !== undefined && !isUsableWeaver(request.weaverPath)) {
    return { ok: false, message: `--weaver-path ${request.weaverPath} is not an executable file` };
  }
  const weaver =
    request.engine === 'builtin'
      ? undefined
      : (request.weaverPath ?? findWeaverOnPath(request.env));
  if (request.engine === 'weaver' && weaver === undefined) {
    return {
      ok: false,
      message: '--engine weaver: no weaver binary on PATH; install it or give --weaver-path <file>',
    };
  }
  const [firstRego] = regoPolicies;
  if (weaver === undefined) {
    if (firstRego !== undefined) return { ok: false, message: regoNeedsWeaver(firstRego) };
    return { ok: true, engine: 'builtin', builtinPolicies, regoPolicies };
  }
  return { ok: true, engine: 'weaver', weaver, builtinPolicies, regoPolicies };
}
