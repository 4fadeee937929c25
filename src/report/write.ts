import { appendFile, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoCodeOf, writeFileAtomic } from '../common/index.ts';
import { renderJUnit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import type { CertificationReport } from './types.ts';

/** The files a run writes into the reports folder. */
export const reportFileNames = {
  json: 'certification.json',
  markdown: 'certification.md',
  junit: 'certification.junit.xml',
  envelope: 'certification.dsse.json',
  publicKey: 'certification.pub.pem',
} as const;

export interface WrittenReport {
  readonly json: string;
  readonly markdown: string;
  readonly junit: string;
}

/** The report as JSON text, exactly as written to disk and printed by `--json`. */
export function reportJson(report: CertificationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Removes the reports of an earlier run, so that a run that stops (interrupted, or a
 * configuration error) never leaves a report behind that claims a certification it did not make.
 */
export async function removeReports(folder: string): Promise<void> {
  const profiles = (await namesIn(folder)).filter((name) => tickProfileFile.test(name));
  await Promise.all(
    [...Object.values(reportFileNames), ...profiles].map((name) =>
      rm(join(folder, name), { force: true }),
    ),
  );
}

/**
 * The tick benchmark's CPU profiles and flame graphs, which the Markdown report links: the names
 * `profileFileBase` in src/bench gives them (a test holds the two together).
 */
export const tickProfileFile = /^tick-profile-[a-z0-9-]+\.(cpuprofile|svg)$/;

async function namesIn(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error: unknown) {
    if (errnoCodeOf(error) === 'ENOENT') return [];
    throw error;
  }
}

/** Writes the JSON, Markdown and JUnit renderings of the report, each atomically. */
export async function writeReportFiles(
  folder: string,
  report: CertificationReport,
): Promise<WrittenReport> {
  await mkdir(folder, { recursive: true });
  const paths = {
    json: join(folder, reportFileNames.json),
    markdown: join(folder, reportFileNames.markdown),
    junit: join(folder, reportFileNames.junit),
  };
  await writeFileAtomic(paths.json, reportJson(report), { mode: 0o644 });
  await writeFileAtomic(paths.markdown, renderMarkdown(report), { mode: 0o644 });
  await writeFileAtomic(paths.junit, renderJUnit(report), { mode: 0o644 });
  return paths;
}

/** Appends the Markdown report to GitHub's job summary, when `$GITHUB_STEP_SUMMARY` names one. */
export async function appendStepSummary(
  report: CertificationReport,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | undefined> {
  const summary = env.GITHUB_STEP_SUMMARY;
  if (summary === undefined || summary === '') return undefined;
  await appendFile(summary, `${renderMarkdown(report)}\n`);
  return summary;
}
