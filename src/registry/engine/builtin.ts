import type { Diagnostic } from '../diagnostic/index.ts';
import { loadRegistryFiles } from '../load/index.ts';
import { runBuiltinPolicies } from '../policy/index.ts';
import { resolveRegistry, type ResolvedRegistry } from '../resolve/index.ts';
import { checkRules } from '../rules/index.ts';
import { checkStructure } from '../structure/index.ts';

/** What the built-in stages found in a registry folder that could be read. */
export interface BuiltinRun {
  /** Every diagnostic, the policy findings included. */
  readonly diagnostics: readonly Diagnostic[];
  /** The policy findings alone (the weaver engine adds them to Weaver's own findings). */
  readonly policyDiagnostics: readonly Diagnostic[];
  readonly registry: ResolvedRegistry;
  readonly yamlFileCount: number;
  /** `.rego` files in the registry folder (Weaver would run them; certify cannot). */
  readonly policyFiles: readonly string[];
}

export type BuiltinOutcome =
  | { readonly ok: true; readonly run: BuiltinRun }
  | { readonly ok: false; readonly message: string };

/** load → structure → rules → resolve → policies, all in process. */
export async function runBuiltinStages(
  root: string,
  policies: readonly string[],
): Promise<BuiltinOutcome> {
  const loaded = await loadRegistryFiles(root);
  if (!loaded.ok) return { ok: false, message: loaded.problem.message };
  const { registry: files } = loaded;
  const structure = checkStructure(files.files);
  const rules = checkRules(structure.files);
  const resolved = resolveRegistry(root, structure.files);
  const policyDiagnostics = runBuiltinPolicies(resolved.registry, policies);
  const diagnostics = [
    ...files.diagnostics,
    ...structure.diagnostics,
    ...rules,
    ...resolved.diagnostics,
    ...policyDiagnostics,
  ];
  return {
    ok: true,
    run: {
      diagnostics,
      policyDiagnostics,
      registry: resolved.registry,
      yamlFileCount: files.yamlFileCount,
      policyFiles: files.policyFiles,
    },
  };
}
