import { tickProperties, tickTextLines } from './ticks-text.ts';
import type { CertificationReport, ReportStep, ReportTier } from './types.ts';

/** Text safe in XML 1.0 attributes and content: escaped, control characters dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const time = (durationMs: number): string => (durationMs / 1000).toFixed(3);

function body(step: ReportStep): string {
  const findings = step.findings.map((f) =>
    [
      f.file === undefined
        ? ''
        : `${[f.file, f.line, f.column].filter((p) => p !== undefined).join(':')}: `,
      f.message,
      ` (${f.rule})`,
      f.exemption === undefined
        ? ''
        : ` [exempted until ${f.exemption.expires}: ${f.exemption.reason}]`,
    ].join(''),
  );
  return [...findings, ...figureLines(step), ...(step.outputTail ?? [])].join('\n');
}

/** A step's figures in words, where it has some worth reading in CI (the tick gate's). */
function figureLines(step: ReportStep): string[] {
  return step.details?.kind === 'ticks' ? tickTextLines(step.details.figures) : [];
}

function properties(step: ReportStep): string[] {
  const entries = tickProperties(step.details);
  if (entries.length === 0) return [];
  return [
    '      <properties>',
    ...entries.map(
      ([name, value]) => `        <property name="${xml(name)}" value="${xml(value)}"/>`,
    ),
    '      </properties>',
  ];
}

/** One test case per step: a failed step fails, an inconclusive one errs (not a pass), a skipped one skips. */
function testCase(tier: ReportTier, step: ReportStep): string {
  const open = `    <testcase classname="${xml(tier.id)}" name="${xml(step.id)}" time="${time(step.durationMs)}">`;
  const passOutput = [step.reason, ...figureLines(step)].join('\n');
  const outcome = {
    pass: `      <system-out>${xml(passOutput)}</system-out>`,
    fail: `      <failure message="${xml(step.reason)}" type="fail">${xml(body(step))}</failure>`,
    inconclusive: `      <error message="${xml(`inconclusive: ${step.reason}`)}" type="inconclusive">${xml(body(step))}</error>`,
    skipped: `      <skipped message="${xml(step.reason)}"/>`,
  }[step.status];
  return [open, ...properties(step), outcome, '    </testcase>'].join('\n');
}

function counts(steps: readonly ReportStep[]) {
  const of = (status: ReportStep['status']) => steps.filter((s) => s.status === status).length;
  return `tests="${steps.length}" failures="${of('fail')}" errors="${of('inconclusive')}" skipped="${of('skipped')}"`;
}

/** JUnit XML for CI test reporters: a suite per tier, a test case per step. */
export function renderJUnit(report: CertificationReport): string {
  const steps = report.tiers.flatMap((tier) => tier.steps);
  const suites = report.tiers.map((tier) =>
    [
      `  <testsuite name="${xml(tier.name)}" ${counts(tier.steps)} time="${time(tier.durationMs)}" timestamp="${report.startedAt}">`,
      ...tier.steps.map((step) => testCase(tier, step)),
      '  </testsuite>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(`certify: ${report.feature.name}`)}" ${counts(steps)} time="${time(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
