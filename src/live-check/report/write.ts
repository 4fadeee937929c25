import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LiveCheckReport } from './model.ts';

/** The report file's name inside `--output <dir>` (Weaver's name for it). */
export const reportFileName = 'live_check.json';

export function reportJson(report: LiveCheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Writes the JSON report into `dir` (created when missing) and returns the file's path. */
export async function writeReportFile(dir: string, report: LiveCheckReport): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, reportFileName);
  await writeFile(path, reportJson(report));
  return path;
}
