import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import {
  callTreeOf,
  hottestFunctions,
  parseCpuProfile,
  renderFlameGraph,
  type CallTreeNode,
} from '../../src/bench/index.ts';

/**
 * A real process to profile: two busy functions, one doing ten times the work of the other,
 * recorded with the inspector's profiler and printed as a `.cpuprofile`. It runs without
 * TurboFan's inlining, as certify's profiled process does, so that each function keeps its time.
 */
const script = `import { Session } from 'node:inspector/promises';
const values = Int32Array.from({ length: 4096 }, (_, index) => (index * 2654435761) | 0);
let checksum = 0;
function spinLong() {
  let hash = 0;
  for (let round = 0; round < 10; round += 1) for (const value of values) hash = (Math.imul(hash, 31) + value) | 0;
  return hash;
}
function spinShort() {
  let hash = 0;
  for (const value of values) hash = (Math.imul(hash, 17) + value) | 0;
  return hash;
}
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
for (let call = 0; call < 600; call += 1) checksum = (checksum + spinLong() + spinShort()) | 0;
const { profile } = await session.post('Profiler.stop');
process.stdout.write(JSON.stringify(profile));
`;

const folder = mkdtempSync(join(tmpdir(), 'certify-flame-'));
const scriptPath = join(folder, 'spin.mjs');
writeFileSync(scriptPath, script);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

let recorded: Promise<string> | undefined;
/** The profile, recorded once for the tests below. */
function recordProfile(): Promise<string> {
  recorded ??= execa('node', ['--no-turbo-inlining', scriptPath]).then((run) => run.stdout);
  return recorded;
}

function allNodes(node: CallTreeNode): CallTreeNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

describe('the flame graph of a real CPU profile', () => {
  it('builds the call tree: each node totals its own time and its children', async () => {
    const tree = callTreeOf(parseCpuProfile(await recordProfile()));
    expect(tree.frame.functionName).toBe('(root)');
    for (const node of allNodes(tree)) {
      const children = node.children.reduce((sum, child) => sum + child.totalUs, 0);
      expect(node.totalUs).toBeCloseTo(node.selfUs + children, 6);
    }
    const selfSum = allNodes(tree).reduce((sum, node) => sum + node.selfUs, 0);
    expect(tree.totalUs).toBeCloseTo(selfSum, 6);
  });

  it('names the hottest functions by self time, with their file and line', async () => {
    const tree = callTreeOf(parseCpuProfile(await recordProfile()));
    const hottest = hottestFunctions(tree, 3);
    expect(hottest.length).toBeGreaterThan(0);
    expect(hottest[0]).toMatchObject({ functionName: 'spinLong' });
    expect(hottest[0]).toMatchObject({ file: scriptPath, line: 4 });
    const long = hottest.find((hot) => hot.functionName === 'spinLong');
    const short = hottest.find((hot) => hot.functionName === 'spinShort');
    expect(long?.selfMs ?? 0).toBeGreaterThan(short?.selfMs ?? 0);
    for (const hot of hottest) expect(hot.selfPercent).toBeLessThanOrEqual(100);
  });

  it('draws a self-contained SVG: a frame per function wide enough to see, with its tooltip', async () => {
    const tree = callTreeOf(parseCpuProfile(await recordProfile()));
    const svg = renderFlameGraph(tree, {
      title: 'spin <test> & co',
      subtitle: 'two loops',
      width: 800,
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('spin &lt;test&gt; &amp; co');
    expect(svg).not.toMatch(/<script|href=|url\(/);
    expect(svg.match(/<g>/g)?.length).toBe(svg.match(/<\/g>/g)?.length);
    expect(svg).toMatch(
      /<title>spinLong \(\/[^)]*spin\.mjs:4\): [\d.]+ ms total \([\d.]+%\), [\d.]+ ms self<\/title>/,
    );
    const widths = [...svg.matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)"/g)].map(
      (match) => [Number(match[1]), Number(match[2])],
    );
    expect(widths.length).toBeGreaterThan(3);
    for (const [x = 0, width = 0] of widths) expect(x + width).toBeLessThanOrEqual(790.5);
    // The root spans the whole width; callees sit above their callers (smaller y).
    expect(svg).toMatch(/<title>\(root\)[^<]*<\/title><rect x="10\.00" y="\d+" width="779\.50"/);
  });
});

describe('reading a .cpuprofile', () => {
  it.each([
    ['text that is not JSON', '{', 'not JSON'],
    ['no nodes', '{"nodes":[]}', 'a CPU profile needs a non-empty nodes array'],
    [
      'a node without a call frame',
      '{"nodes":[{"id":1}],"samples":[],"timeDeltas":[],"startTime":0,"endTime":1}',
      'nodes[0] is not a profile node with an id and a call frame',
    ],
    [
      'samples and deltas of different lengths',
      '{"nodes":[{"id":1,"callFrame":{"functionName":"(root)","url":"","lineNumber":-1,"columnNumber":-1}}],"samples":[1],"timeDeltas":[],"startTime":0,"endTime":1}',
      'samples and timeDeltas must be arrays of numbers of the same length',
    ],
    [
      'a sample naming an unknown node',
      '{"nodes":[{"id":1,"callFrame":{"functionName":"(root)","url":"","lineNumber":-1,"columnNumber":-1}}],"samples":[7],"timeDeltas":[5],"startTime":0,"endTime":1}',
      'a sample names node 7, which is not in nodes',
    ],
  ])('refuses %s, saying why', (_, text, message) => {
    expect(() => parseCpuProfile(text)).toThrow(message);
  });
});
