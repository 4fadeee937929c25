import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';

/**
 * `../shared` beside the project: reference material (Weaver's schemas, the official semantic
 * conventions). The project must pass its own tests without it, so suites that read it skip.
 */
export const sharedDir = resolve(import.meta.dirname, '../../../shared');
export const hasShared = existsSync(sharedDir);

/** A path inside `../shared`. */
export function sharedPath(...parts: string[]): string {
  return resolve(sharedDir, ...parts);
}

/**
 * `describe` that skips, with a message saying why, when `../shared` is absent. The body is not
 * even collected then: bodies may read `../shared` while their tests are being declared.
 */
export function describeWithShared(name: string, body: () => void): void {
  if (hasShared) {
    describe(name, body);
    return;
  }
  describe.skip(`${name} (skipped: ../shared is absent, expected at ${sharedDir})`, () => {
    it('needs ../shared', () => undefined);
  });
}
