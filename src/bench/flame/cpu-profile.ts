/** The parts of a V8 `.cpuprofile` (Chrome DevTools' Profiler.Profile) the flame graph reads. */
export interface ProfileCallFrame {
  readonly functionName: string;
  readonly url: string;
  /** 0-based, as V8 records them. */
  readonly lineNumber: number;
  readonly columnNumber: number;
}

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: ProfileCallFrame;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  /** The node on top of the stack at each sample. */
  readonly samples: readonly number[];
  /** Microseconds since the previous sample (the first since `startTime`). */
  readonly timeDeltas: readonly number[];
}

/** A profile that could not be read, and why. */
export class CpuProfileError extends Error {
  override readonly name = 'CpuProfileError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isNumberArray = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'number');

function checkNode(node: unknown, index: number): ProfileNode {
  const frame = isRecord(node) ? node.callFrame : undefined;
  if (
    !isRecord(node) ||
    typeof node.id !== 'number' ||
    !isRecord(frame) ||
    typeof frame.functionName !== 'string' ||
    typeof frame.url !== 'string' ||
    typeof frame.lineNumber !== 'number' ||
    typeof frame.columnNumber !== 'number' ||
    (node.children !== undefined && !isNumberArray(node.children))
  ) {
    throw new CpuProfileError(`nodes[${index}] is not a profile node with an id and a call frame`);
  }
  return node as unknown as ProfileNode;
}

/** Parses and checks a `.cpuprofile`'s text. */
export function parseCpuProfile(text: string): CpuProfile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    throw new CpuProfileError(
      `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isRecord(value) || !Array.isArray(value.nodes) || value.nodes.length === 0) {
    throw new CpuProfileError('a CPU profile needs a non-empty nodes array');
  }
  const nodes = value.nodes.map(checkNode);
  const { samples, timeDeltas, startTime, endTime } = value;
  if (
    !isNumberArray(samples) ||
    !isNumberArray(timeDeltas) ||
    samples.length !== timeDeltas.length
  ) {
    throw new CpuProfileError(
      'samples and timeDeltas must be arrays of numbers of the same length',
    );
  }
  if (typeof startTime !== 'number' || typeof endTime !== 'number') {
    throw new CpuProfileError('startTime and endTime must be numbers');
  }
  const ids = new Set(nodes.map((node) => node.id));
  const unknown = samples.find((id) => !ids.has(id));
  if (unknown !== undefined)
    throw new CpuProfileError(`a sample names node ${unknown}, which is not in nodes`);
  return { nodes, samples, timeDeltas, startTime, endTime };
}
