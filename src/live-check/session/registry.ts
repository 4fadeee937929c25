import {
  loadResolvedRegistry,
  type Diagnostic,
  type ResolvedRegistry,
} from '../../registry/index.ts';
import type { LiveCheckError } from './options.ts';

/** How many of an unusable registry's errors the message quotes. */
const quotedErrors = 5;

function located(diagnostic: Diagnostic): string {
  const where = diagnostic.location;
  const place = where === undefined ? '' : `${where.file}:${where.line}:${where.column}: `;
  return `${place}${diagnostic.message} (${diagnostic.id})`;
}

export type RegistryResult =
  | { readonly ok: true; readonly registry: ResolvedRegistry }
  | { readonly ok: false; readonly error: LiveCheckError };

/**
 * The registry to check against: given resolved, or loaded from its folder with the registry
 * check's loader. A registry with errors cannot be checked against; the message quotes them.
 */
export async function registryFor(given: ResolvedRegistry | string): Promise<RegistryResult> {
  if (typeof given !== 'string') return { ok: true, registry: given };
  const loaded = await loadResolvedRegistry(given);
  switch (loaded.kind) {
    case 'resolved':
      return { ok: true, registry: loaded.registry };
    case 'io-error':
      return { ok: false, error: { kind: 'registry', message: loaded.message } };
    case 'invalid': {
      const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.level === 'error');
      const quoted = errors.slice(0, quotedErrors).map((each) => `\n  ${located(each)}`);
      const more =
        errors.length > quotedErrors ? `\n  … and ${errors.length - quotedErrors} more` : '';
      const message = `the registry ${given} has ${errors.length} error(s); run \`certify registry check -r ${given}\`:${quoted.join('')}${more}`;
      return { ok: false, error: { kind: 'registry', message } };
    }
  }
}
