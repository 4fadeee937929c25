import { relative } from 'node:path';
import { certify, type CertificationOutcome } from '../certification/index.ts';
import { reportJson } from '../report/index.ts';
import { rendererChoices, resolveRenderer } from '../runner/index.ts';
import { EXIT_INTERRUPTED, interruptOnSignals } from './signals.ts';
import { oneOf, parseCommandLine, UsageError } from './usage.ts';

const EXIT_NOT_CERTIFIED = 1;
const EXIT_CONFIGURATION = 2;

const DEFAULT_PIPELINE = 'pipeline/certify.yaml';
const DEFAULT_REPORTS = 'reports';

const optionSpec = {
  pipeline: { type: 'string', default: DEFAULT_PIPELINE },
  'keep-going': { type: 'boolean', default: false },
  only: { type: 'string', multiple: true },
  renderer: { type: 'string', default: 'auto' },
  json: { type: 'boolean', default: false },
  key: { type: 'string' },
  reports: { type: 'string', default: DEFAULT_REPORTS },
} as const;

function rendererOf(choice: string, json: boolean) {
  const renderer = oneOf('--renderer', choice, rendererChoices);
  // With --json, stdout carries the report alone: progress goes to stderr, a line per event.
  const isTTY = json ? process.stderr.isTTY : process.stdout.isTTY;
  return resolveRenderer(renderer, { isTTY, env: process.env });
}

/** `--only a,b --only c` → [a, b, c]. */
function onlyIds(values: readonly string[] | undefined): string[] {
  const ids = (values ?? []).flatMap((value) => value.split(',')).map((id) => id.trim());
  if (ids.some((id) => id === '')) throw new UsageError('--only needs tier or step ids');
  return ids;
}

const shown = (path: string) => relative(process.cwd(), path) || path;

function finishedLines(outcome: Extract<CertificationOutcome, { kind: 'finished' }>): string {
  const { report, files } = outcome;
  const signer = report.signer.selfSigned
    ? `self-signed with ${report.signer.source}${outcome.keyCreated ? ' (created now)' : ''}: nobody vouches for this key; give --key or CERTIFY_SIGNING_KEY to sign for real`
    : `signed with ${report.signer.source}`;
  return [
    '',
    report.verdict.summary,
    ...report.verdict.notes.map((note) => `note: ${note}`),
    `report: ${shown(files.markdown)}, ${shown(files.json)}, ${shown(files.junit)}`,
    `signed report: ${shown(files.envelope)} (public key ${shown(files.publicKey)}; keyid ${report.signer.keyid})`,
    signer,
    `verify: npx certify verify ${shown(files.envelope)} --key <trusted public key> --check-subjects`,
    ...(files.stepSummary === undefined ? [] : [`appended to ${files.stepSummary}`]),
    '',
  ].join('\n');
}

/**
 * `certify [--pipeline <file>]`: runs the pipeline's tiers in order and writes the signed report.
 * 0 certified, 1 not certified, 2 usage or configuration error, 130 interrupted.
 */
export async function runCertify(args: readonly string[]): Promise<number> {
  const { values } = parseCommandLine(args, { options: optionSpec });
  const json = values.json;
  const renderer = rendererOf(values.renderer, json);
  const only = onlyIds(values.only);
  const controller = new AbortController();
  // Ctrl-C or SIGTERM stops every step (its process tree killed) and ends the run without a report.
  const release = interruptOnSignals(controller, () => {
    process.stderr.write('certify: interrupted; stopping every step (Ctrl-C again to quit now)\n');
  });
  let outcome: CertificationOutcome;
  try {
    outcome = await certify({
      pipelineFile: values.pipeline,
      projectRoot: process.cwd(),
      reportsDir: values.reports,
      keepGoing: values['keep-going'],
      only,
      renderer,
      progressStream: json ? process.stderr : process.stdout,
      keyFile: values.key,
      env: process.env,
      interrupt: controller.signal,
    });
  } finally {
    release();
  }
  const human = json ? process.stderr : process.stdout;
  switch (outcome.kind) {
    case 'configuration-error':
      process.stderr.write(`certify: ${outcome.message}\n`);
      return EXIT_CONFIGURATION;
    case 'interrupted':
      process.stderr.write(
        'certify: interrupted: nothing is certified and no report was written\n',
      );
      return EXIT_INTERRUPTED;
    case 'finished':
      human.write(finishedLines(outcome));
      if (json) process.stdout.write(reportJson(outcome.report));
      return outcome.report.verdict.certified ? 0 : EXIT_NOT_CERTIFIED;
  }
}
