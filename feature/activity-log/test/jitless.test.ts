import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const script = new URL('./support/jitless-batches.ts', import.meta.url).pathname;

describe('the batch API where the engine has no WebAssembly (node --jitless)', () => {
  it('checks, compacts and deduplicates batches with the JavaScript row checks alike', async () => {
    const run = await execa('node', ['--jitless', '--import', 'tsx', script], {
      reject: false,
      timeout: 60_000,
    });
    // V8 says, on stderr, that --jitless turns WebAssembly off: that is the point of the test.
    expect(run.stderr.replace(/^Warning: disabling flag --expose_wasm.*\n?/m, '')).toBe('');
    expect(run.exitCode).toBe(0);
    const { engine, first, retry, times } = JSON.parse(run.stdout) as {
      engine: string;
      first: { accepted: number; duplicates: number; refused: { row: number; code: string }[] };
      retry: { accepted: number; duplicates: number };
      times: number[];
    };
    expect(engine).toBe('undefined');
    expect(first).toMatchObject({ ok: true, accepted: 38, duplicates: 0 });
    expect(first.refused.map(({ row, code }) => [row, code])).toEqual([
      [17, 'INVALID_USER_ID'],
      [33, 'INVALID_ACTION_TYPE'],
    ]);
    expect(retry).toMatchObject({ ok: true, accepted: 0, duplicates: 40 });
    expect(times).toEqual(
      Array.from({ length: 40 }, (_, row) => row).filter((row) => row !== 17 && row !== 33),
    );
  });
});
