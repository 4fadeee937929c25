import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendStepSummary,
  removeReports,
  renderMarkdown,
  reportJson,
  writeReportFiles,
} from '../../src/report/index.ts';
import { profileFileBase } from '../../src/bench/index.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';
import { failingReport, passingReport } from './fixture-run.ts';

let project: TempProject;
beforeEach(() => {
  project = createTempProject();
});
afterEach(() => {
  project.remove();
});

describe('writing the report', () => {
  it('writes the JSON, Markdown and JUnit files from the same report, and nothing else', async () => {
    const folder = join(project.root, 'reports');
    const report = passingReport();
    const written = await writeReportFiles(folder, report);
    expect(JSON.parse(readFileSync(written.json, 'utf8'))).toEqual(report);
    expect(readFileSync(written.json, 'utf8')).toBe(reportJson(report));
    expect(readFileSync(written.markdown, 'utf8')).toBe(renderMarkdown(report));
    expect(readFileSync(written.junit, 'utf8')).toContain('<testsuites');
    expect(readdirSync(folder).sort()).toEqual([
      'certification.json',
      'certification.junit.xml',
      'certification.md',
    ]);
  });

  it('removes an earlier run’s report files and tick profiles, and leaves other files alone', async () => {
    const folder = join(project.root, 'reports');
    await writeReportFiles(folder, passingReport());
    project.write('reports/certification.dsse.json', '{}');
    project.write('reports/README.md', 'kept');
    const base = profileFileBase('demo/hot-path');
    project.write(`reports/${base}.cpuprofile`, '{}');
    project.write(`reports/${base}.svg`, '<svg/>');
    project.write('reports/tick-profile-notes.txt', 'kept: not a profile');
    await removeReports(folder);
    expect(readdirSync(folder).sort()).toEqual(['README.md', 'tick-profile-notes.txt']);
  });

  it('removes nothing, and does not fail, when the folder does not exist yet', async () => {
    await removeReports(join(project.root, 'no-reports-yet'));
    expect(existsSync(join(project.root, 'no-reports-yet'))).toBe(false);
  });

  it('appends the Markdown to $GITHUB_STEP_SUMMARY when it is set, and only then', async () => {
    const summary = project.write('summary.md', '# Earlier step\n');
    expect(await appendStepSummary(failingReport(), {})).toBeUndefined();
    expect(await appendStepSummary(failingReport(), { GITHUB_STEP_SUMMARY: summary })).toBe(
      summary,
    );
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# Earlier step\n# Certification report: demo')).toBe(true);
    expect(existsSync(join(project.root, 'reports'))).toBe(false);
  });
});
