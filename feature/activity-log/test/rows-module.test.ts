import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compileRowsModule, generatedPath, renderRowsModule } from '../scripts/wasm-source.ts';

describe('the compiled row-check module', () => {
  it('is what rows.wat compiles to today (run npm run build:wasm after editing rows.wat)', async () => {
    const bytes = await compileRowsModule();
    expect(bytes.length).toBeGreaterThan(100);
    expect(await readFile(generatedPath, 'utf8')).toBe(renderRowsModule(bytes));
  });
});
