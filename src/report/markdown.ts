import type { CoverageFigures, Finding, StepDetails, TickFigures } from '../steps/index.ts';
import { gateLines } from './ticks-markdown.ts';
import type {
  CertificationReport,
  GitSummary,
  ReportExemption,
  ReportStep,
  ReportTier,
} from './types.ts';

const statusLabel = {
  pass: '✅ PASS',
  fail: '❌ FAIL',
  inconclusive: '⚠️ INCONCLUSIVE',
  skipped: '⏭️ SKIPPED',
} as const;

/** Text safe inside a Markdown table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|');
}

function seconds(durationMs: number): string {
  return `${(durationMs / 1000).toFixed(1)} s`;
}

function gitLine(git: GitSummary): string {
  if (git.commit === null) return `none (${git.reason})`;
  return `\`${git.commit}\` (working tree ${git.workingTree})`;
}

function header(report: CertificationReport): string[] {
  const { feature, environment: env, signer } = report;
  const signed = signer.selfSigned
    ? `${signer.source}, keyid \`${signer.keyid}\`: **self-signed**, a local key nobody vouches for`
    : `${signer.source}, keyid \`${signer.keyid}\``;
  const restricted = report.run.only.length > 0 ? ` (only: ${report.run.only.join(', ')})` : '';
  return [
    `# Certification report: ${feature.name}`,
    '',
    `**${report.verdict.summary}**`,
    '',
    ...report.verdict.notes.map((note) => `> Note: ${note}`),
    ...(report.verdict.notes.length > 0 ? [''] : []),
    '| | |',
    '| --- | --- |',
    `| Feature | \`${feature.name}\` in \`${feature.root}\`, entry \`${feature.entry}\` |`,
    `| Registry | \`${report.registry}\` |`,
    `| Pipeline | \`${report.pipeline}\`${cell(restricted)} |`,
    `| Commit | ${cell(gitLine(report.git))} |`,
    `| Run | ${report.startedAt} to ${report.finishedAt} (${seconds(report.durationMs)}) |`,
    `| Environment | Node ${env.node} on ${env.os.platform} ${env.os.release} (${env.os.arch}), ${cell(env.cpu.model)} (${env.cpu.cores} cores), certify ${env.certifyVersion} |`,
    `| Signed by | ${cell(signed)} |`,
  ];
}

function tierTable(tier: ReportTier): string[] {
  return [
    '',
    `## ${tier.name}: ${statusLabel[tier.status]} (${seconds(tier.durationMs)})`,
    '',
    '| Step | Status | Time | Result |',
    '| --- | --- | --- | --- |',
    ...tier.steps.map(
      (step) =>
        `| ${cell(step.name)} | ${statusLabel[step.status]} | ${seconds(step.durationMs)} | ${cell(step.reason)} |`,
    ),
  ];
}

function tickFigures(report: CertificationReport): TickFigures[] {
  return report.tiers.flatMap((tier) =>
    tier.steps.flatMap((step): TickFigures[] =>
      step.details?.kind === 'ticks' ? [step.details.figures] : [],
    ),
  );
}

function ticksSection(report: CertificationReport): string[] {
  const figures = tickFigures(report);
  if (figures.length === 0) return [];
  return [
    '',
    '## Tick figures',
    ...figures.flatMap(gateLines),
    '',
    'A tick is one cycle of the reference clock: ticks = nanoseconds × frequency in GHz. The budget applies to the median of each measuring process.',
    ...figures.flatMap(peerLines),
  ];
}

/** The gated case's peers and the ratios between medians, all measured in the same run. */
function peerLines(figures: TickFigures): string[] {
  const cases = figures.cases ?? [];
  const ratios = figures.ratios ?? [];
  const caseLines =
    cases.length === 0
      ? []
      : [
          '',
          `Every case of the run (medians, per event):`,
          '',
          '| Case | ns | ticks |',
          '| --- | --- | --- |',
          ...cases.map(
            (c) => `| \`${c.name}\` | ${c.nsPerEvent.toFixed(2)} | ${c.ticksPerEvent.toFixed(2)} |`,
          ),
        ];
  const ratioLines =
    ratios.length === 0
      ? []
      : [
          '',
          'Ratios of medians:',
          '',
          ...ratios.map((r) => {
            const value = r.value === null ? 'not measured' : `${r.value.toFixed(2)}×`;
            const limit = r.limit === undefined ? '' : ` (limit ${r.limit}×)`;
            return `- \`${r.name}\` = ${value}${limit}`;
          }),
        ];
  return [...caseLines, ...ratioLines];
}

function findingLine(finding: Finding): string {
  const where =
    finding.file === undefined
      ? ''
      : `\`${[finding.file, finding.line, finding.column].filter((part) => part !== undefined).join(':')}\` `;
  const { exemption } = finding;
  const exempted =
    exemption === undefined
      ? ''
      : ` — **exempted** until ${exemption.expires} by ${exemption.owner}: ${exemption.reason} (\`${exemption.source}\`)`;
  return `- ${where}${finding.message} (${finding.rule})${exempted}`;
}

function coverageFigures(
  report: CertificationReport,
): { step: string; figures: CoverageFigures }[] {
  return report.tiers.flatMap((tier) =>
    tier.steps.flatMap((step) =>
      step.details?.kind === 'tests' && step.details.coverage !== undefined
        ? [{ step: step.name, figures: step.details.coverage }]
        : [],
    ),
  );
}

function coverageSection(report: CertificationReport): string[] {
  const rows = coverageFigures(report);
  if (rows.length === 0) return [];
  const percent = (n: number) => `${n.toFixed(1)}%`;
  return [
    '',
    `## Test coverage of \`${report.feature.source}\``,
    '',
    '| Step | Lines | Branches | Files | Floors |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(({ step, figures: f }) => {
      const floors = [
        `${f.floors.lines}% of lines`,
        ...(f.floors.branches === undefined ? [] : [`${f.floors.branches}% of branches`]),
      ].join(', ');
      const scope = f.floors.perFile ? 'in total and per file' : 'in total';
      return `| ${cell(step)} | ${percent(f.linesPercent)} (${f.lines.covered} of ${f.lines.total}) | ${percent(f.branchesPercent)} (${f.branches.covered} of ${f.branches.total}) | ${f.files} | ${floors}, ${scope} |`;
    }),
  ];
}

const exemptionStatus = {
  applied: 'applied',
  stale: '**stale**: matched nothing',
  expired: '**expired**: a finding',
  'not-checked': 'not checked in this run',
} as const;

function exemptionsSection(exemptions: readonly ReportExemption[] | undefined): string[] {
  if (exemptions === undefined) return [];
  if (exemptions.length === 0) return ['', '## Exemptions', '', 'None written.'];
  return [
    '',
    '## Exemptions',
    '',
    'Findings accepted in writing: each is reported as exempted, never as passed.',
    '',
    '| Where | Check | File | Reason | Owner | Expires | Status |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...exemptions.map((e) => {
      const file = e.match === undefined ? `\`${e.file}\`` : `\`${e.file}\` ("${e.match}")`;
      const status =
        e.status === 'applied' ? `applied to ${e.findings}` : exemptionStatus[e.status];
      return `| \`${e.source}\` | ${e.check} | ${cell(file)} | ${cell(e.reason)} | ${cell(e.owner)} | ${e.expires} | ${status} |`;
    }),
  ];
}

function detailLines(details: StepDetails | undefined): string[] {
  if (details?.kind !== 'checks') return [];
  return details.checks.map(
    (check) =>
      `- ${check.name}: ${check.status}${check.advisory ? ' (advisory)' : ''}, ${check.reason}`,
  );
}

function stepFindings(tier: ReportTier, step: ReportStep): string[] {
  const tail = step.outputTail ?? [];
  return [
    '',
    `### ${tier.name} › ${step.name}: ${statusLabel[step.status]}`,
    '',
    step.reason,
    ...(detailLines(step.details).length > 0 ? ['', ...detailLines(step.details)] : []),
    ...(step.findings.length > 0 ? ['', ...step.findings.map(findingLine)] : []),
    ...(tail.length > 0
      ? [
          '',
          '<details><summary>Last lines of output</summary>',
          '',
          '```',
          ...tail,
          '```',
          '',
          '</details>',
        ]
      : []),
  ];
}

function findingsSection(report: CertificationReport): string[] {
  const sections = report.tiers.flatMap((tier) =>
    tier.steps
      .filter(
        (step) =>
          step.status === 'fail' || step.status === 'inconclusive' || step.findings.length > 0,
      )
      .flatMap((step) => stepFindings(tier, step)),
  );
  return sections.length === 0
    ? ['', '## Findings', '', 'None.']
    : ['', '## Findings', ...sections];
}

/** The report as Markdown, from the same data as the JSON: verdict, tiers, tick figures, findings. */
export function renderMarkdown(report: CertificationReport): string {
  return [
    ...header(report),
    ...report.tiers.flatMap(tierTable),
    ...ticksSection(report),
    ...coverageSection(report),
    ...exemptionsSection(report.exemptions),
    ...findingsSection(report),
    '',
  ].join('\n');
}
