import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadResolvedRegistry, type ResolvedRegistry } from '../../../src/registry/index.ts';

/**
 * A tiny registry written inline as definition/1 YAML and loaded the way the live check loads a
 * registry folder, so every test shows exactly the definitions it relies on.
 */
export async function inlineRegistry(yaml: string): Promise<ResolvedRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'certify-live-check-registry-'));
  writeFileSync(join(dir, 'registry.yaml'), yaml);
  const loaded = await loadResolvedRegistry(dir);
  if (loaded.kind === 'resolved') return loaded.registry;
  const problems =
    loaded.kind === 'io-error'
      ? [loaded.message]
      : loaded.diagnostics.filter((each) => each.level === 'error').map((each) => each.message);
  throw new Error(`the inline test registry does not load:\n${problems.join('\n')}`);
}

export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : `${pad}${line}`))
    .join('\n');
}
