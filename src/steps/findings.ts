import { compareText } from '../common/index.ts';
import type { Finding } from './types.ts';

/** Findings in reading order: by file, then line, then column. */
export function byLocation(a: Finding, b: Finding): number {
  return (
    compareText(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}
