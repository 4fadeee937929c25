import type { Diagnostic } from '../diagnostic/index.ts';
import type { ResolvedRegistry } from '../resolve/index.ts';
import { otelNamingFindings } from './otel.ts';

/** The policy packs built into certify, by the name given to `-p`. */
const builtinPolicies: Readonly<Record<string, (registry: ResolvedRegistry) => Diagnostic[]>> = {
  'builtin:otel': otelNamingFindings,
};

export const builtinPolicyNames: readonly string[] = Object.keys(builtinPolicies);

/** What a `-p` argument names. */
export type PolicyChoice =
  | { readonly kind: 'builtin'; readonly name: string }
  | { readonly kind: 'rego'; readonly path: string }
  | { readonly kind: 'unknown'; readonly given: string };

export function classifyPolicy(given: string): PolicyChoice {
  if (Object.hasOwn(builtinPolicies, given)) return { kind: 'builtin', name: given };
  if (given.startsWith('builtin:')) return { kind: 'unknown', given };
  return { kind: 'rego', path: given };
}

/** Stage 5: runs the chosen built-in policy packs on the resolved registry. */
export function runBuiltinPolicies(
  registry: ResolvedRegistry,
  names: readonly string[],
): Diagnostic[] {
  return names.flatMap((name) => builtinPolicies[name]?.(registry) ?? []);
}
