import type { CpuProfile, ProfileCallFrame } from './cpu-profile.ts';

/** One frame of the call tree with the time spent in it (self) and under it (total), in µs. */
export interface CallTreeNode {
  readonly frame: ProfileCallFrame;
  readonly selfUs: number;
  readonly totalUs: number;
  readonly children: readonly CallTreeNode[];
}

/**
 * Each sample's time is the delta to the next sample (the time the sampled stack was on top);
 * the last sample gets the mean interval.
 */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const count = profile.samples.length;
  const meanDelta =
    count > 1
      ? profile.timeDeltas.slice(1).reduce((sum, delta) => sum + delta, 0) / (count - 1)
      : 0;
  profile.samples.forEach((id, index) => {
    const delta = Math.max(0, profile.timeDeltas[index + 1] ?? meanDelta);
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  return self;
}

/** The profile's call tree from its root (the first node no other node lists as a child). */
export function callTreeOf(profile: CpuProfile): CallTreeNode {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const childIds = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  const root = profile.nodes.find((node) => !childIds.has(node.id)) ?? profile.nodes[0];
  const self = selfTimes(profile);
  // Each node is placed once, so a malformed profile whose children loop cannot recurse forever.
  const placed = new Set<number>();
  const build = (id: number): CallTreeNode | undefined => {
    const node = byId.get(id);
    if (node === undefined || placed.has(id)) return undefined;
    placed.add(id);
    const children = (node.children ?? [])
      .map((child) => build(child))
      .filter((child): child is CallTreeNode => child !== undefined);
    const selfUs = self.get(id) ?? 0;
    const totalUs = selfUs + children.reduce((sum, child) => sum + child.totalUs, 0);
    return { frame: node.callFrame, selfUs, totalUs, children };
  };
  const tree = root === undefined ? undefined : build(root.id);
  if (tree === undefined) throw new RangeError('a CPU profile without a root node');
  return tree;
}

/** A function that is not code of its own: the profile's root, idle time, the program at large. */
export function isPseudoFrame(frame: ProfileCallFrame): boolean {
  return frame.url === '' && /^\(.*\)$/.test(frame.functionName);
}

/** A function's self time summed over every place it was called from. */
export interface HotFunction {
  readonly functionName: string;
  /** The file, as a path when it is a file: URL, and its 1-based line. */
  readonly file: string;
  readonly line: number;
  readonly selfMs: number;
  /** Of the whole profile's time. */
  readonly selfPercent: number;
}

export function frameLocation(frame: ProfileCallFrame): { file: string; line: number } {
  const file = frame.url.startsWith('file://')
    ? decodeURIComponent(new URL(frame.url).pathname)
    : frame.url;
  return { file, line: frame.lineNumber + 1 };
}

export function frameName(frame: ProfileCallFrame): string {
  return frame.functionName === '' ? '(anonymous)' : frame.functionName;
}

/** The subtrees whose root frame matches, outermost first (a match is not searched inside a match). */
export function subtreesWhere(
  tree: CallTreeNode,
  matches: (frame: ProfileCallFrame) => boolean,
): CallTreeNode[] {
  if (matches(tree.frame)) return [tree];
  return tree.children.flatMap((child) => subtreesWhere(child, matches));
}

/**
 * The functions with the most self time in `trees` (the whole profile, or only the subtrees of
 * the timed calls), their percentages of the trees' time. Those without a file are left out:
 * the profile's pseudo-frames ("(garbage collector)", "(idle)") and code generated at run time
 * (mitata's measuring loop, built with `new Function`), which no person can open.
 */
export function hottestFunctions(
  trees: CallTreeNode | readonly CallTreeNode[],
  count: number,
): HotFunction[] {
  const roots = Array.isArray(trees) ? (trees as readonly CallTreeNode[]) : [trees as CallTreeNode];
  const totals = new Map<string, { frame: ProfileCallFrame; selfUs: number }>();
  const visit = (node: CallTreeNode): void => {
    if (node.frame.url !== '' && node.selfUs > 0) {
      const { frame } = node;
      const key = `${frame.functionName}\0${frame.url}\0${frame.lineNumber}\0${frame.columnNumber}`;
      const entry = totals.get(key) ?? { frame, selfUs: 0 };
      entry.selfUs += node.selfUs;
      totals.set(key, entry);
    }
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  const whole = Math.max(
    roots.reduce((sum, root) => sum + root.totalUs, 0),
    1e-9,
  );
  return [...totals.values()]
    .sort((a, b) => b.selfUs - a.selfUs)
    .slice(0, count)
    .map(({ frame, selfUs }) => ({
      functionName: frameName(frame),
      ...frameLocation(frame),
      selfMs: Math.round(selfUs) / 1000,
      selfPercent: Math.round((selfUs / whole) * 1000) / 10,
    }));
}
