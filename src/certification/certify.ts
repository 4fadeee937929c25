import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  KeyError,
  buildStatement,
  collectSubjects,
  describeSource,
  loadSigningKey,
  signStatement,
  writeAttestation,
  type KeySource,
  type SigningKey,
} from '../attestation/index.ts';
import { PipelineError, loadPipeline, type Pipeline } from '../pipeline/index.ts';
import {
  appendStepSummary,
  buildReport,
  certificationPredicate,
  removeReports,
  reportFileNames,
  writeReportFiles,
  type CertificationReport,
} from '../report/index.ts';
import { runPipeline, unknownIds, type RunResult } from '../runner/index.ts';
import { gitSummaryOf } from './git-summary.ts';
import type { CertificationFiles, CertificationOptions, CertificationOutcome } from './types.ts';

/** What must hold before any step runs: a valid pipeline, known `--only` ids, a usable key. */
type Prepared =
  | { readonly ok: true; readonly pipeline: Pipeline; readonly key: SigningKey }
  | { readonly ok: false; readonly message: string };

async function prepare(options: CertificationOptions): Promise<Prepared> {
  let pipeline: Pipeline;
  try {
    pipeline = await loadPipeline(options.pipelineFile, { projectRoot: options.projectRoot });
  } catch (error: unknown) {
    if (error instanceof PipelineError) return { ok: false, message: error.message };
    throw error;
  }
  const unknown = unknownIds(pipeline, options.only);
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `--only names no tier or step of ${relative(options.projectRoot, pipeline.file)}: ${unknown.join(', ')}`,
    };
  }
  try {
    // Loaded before the run: a bad key must not waste a whole certification.
    const key = await loadSigningKey({
      root: options.projectRoot,
      keyFile: options.keyFile,
      environment: options.env,
    });
    return { ok: true, pipeline, key };
  } catch (error: unknown) {
    if (error instanceof KeyError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * The paths the report certifies: the feature's folder, its registry, the pipeline file and its
 * exemptions file (which decides findings as much as the code does).
 */
function subjectPaths(pipeline: Pipeline): string[] {
  return [
    pipeline.feature.root,
    pipeline.registry,
    relative(pipeline.projectRoot, pipeline.file),
    ...(pipeline.exemptions === undefined ? [] : [pipeline.exemptions]),
  ];
}

/** A key file named relative to the project: the report should not carry this machine's paths. */
function shownSource(source: KeySource, projectRoot: string): KeySource {
  if (source.kind === 'environment') return source;
  const path = relative(projectRoot, source.path);
  return path.startsWith('..') || isAbsolute(path) ? source : { ...source, path };
}

interface Signing {
  readonly options: CertificationOptions;
  readonly pipeline: Pipeline;
  readonly key: SigningKey;
  readonly run: RunResult;
}

/** Builds the report, signs it (refusing a report its schema rejects) and writes every file. */
async function signAndWrite(
  signing: Signing,
): Promise<{ report: CertificationReport; files: CertificationFiles }> {
  const { options, pipeline, key, run } = signing;
  const { subjects, git } = await collectSubjects({
    root: pipeline.projectRoot,
    paths: subjectPaths(pipeline),
  });
  const report = buildReport({
    pipeline,
    run,
    options: { keepGoing: options.keepGoing, only: options.only },
    signer: {
      keyid: key.keyid,
      selfSigned: key.selfSigned,
      source: describeSource(shownSource(key.source, pipeline.projectRoot)),
    },
    git: gitSummaryOf(git),
  });
  const statement = buildStatement({
    subjects,
    predicateType: certificationPredicate.predicateType,
    predicate: report,
  });
  const signed = signStatement({ statement, key, predicateSchema: certificationPredicate });
  const folder = reportsFolder(options);
  const written = await writeReportFiles(folder, report);
  const attestation = await writeAttestation({
    envelopePath: join(folder, reportFileNames.envelope),
    signed,
  });
  const stepSummary = await appendStepSummary(report, options.env);
  return {
    report,
    files: {
      ...written,
      envelope: attestation.envelopePath,
      publicKey: attestation.publicKeyPath,
      stepSummary,
    },
  };
}

function reportsFolder(options: CertificationOptions): string {
  return isAbsolute(options.reportsDir)
    ? options.reportsDir
    : resolve(options.projectRoot, options.reportsDir);
}

/**
 * One certification: loads the pipeline, runs its tiers in order, and writes the signed report
 * (JSON, Markdown, JUnit, DSSE envelope and public key). A configuration that cannot run changes
 * nothing; once the run starts, the previous report is removed, so that an interrupted run leaves
 * no report behind claiming a certification.
 */
export async function certify(options: CertificationOptions): Promise<CertificationOutcome> {
  const prepared = await prepare(options);
  if (!prepared.ok) return { kind: 'configuration-error', message: prepared.message };
  const { pipeline, key } = prepared;
  await removeReports(reportsFolder(options));
  const run = await runPipeline({
    pipeline,
    keepGoing: options.keepGoing,
    only: options.only,
    renderer: options.renderer,
    progressStream: options.progressStream,
    interrupt: options.interrupt,
    env: options.env,
    reportsDir: reportsFolder(options),
  });
  if (run.interrupted) return { kind: 'interrupted' };
  const { report, files } = await signAndWrite({ options, pipeline, key, run });
  return { kind: 'finished', report, files, keyCreated: key.created };
}
