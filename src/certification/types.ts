import type { CertificationReport } from '../report/index.ts';
import type { ResolvedRenderer } from '../runner/index.ts';

export interface CertificationOptions {
  /** The pipeline file, absolute or relative to `projectRoot`. */
  readonly pipelineFile: string;
  /** The folder the pipeline's paths are relative to, and the subjects' names are relative to. */
  readonly projectRoot: string;
  /** Where the report files are written, absolute or relative to `projectRoot`. */
  readonly reportsDir: string;
  /** Run every tier even after one fails. */
  readonly keepGoing: boolean;
  /** Run only these tiers or steps (by id); a restricted run is never certified. */
  readonly only: readonly string[];
  readonly renderer: ResolvedRenderer;
  /** Where progress goes (stderr when stdout carries the JSON report). */
  readonly progressStream: NodeJS.WritableStream;
  /** A private key file (`--key`); else CERTIFY_SIGNING_KEY; else the local self-signing key. */
  readonly keyFile?: string | undefined;
  /** The environment steps run with, and where CERTIFY_SIGNING_KEY and GITHUB_STEP_SUMMARY are read. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C or SIGTERM: every step is stopped and no report is written. */
  readonly interrupt: AbortSignal;
}

/** The files a finished certification wrote. */
export interface CertificationFiles {
  readonly json: string;
  readonly markdown: string;
  readonly junit: string;
  readonly envelope: string;
  readonly publicKey: string;
  /** `$GITHUB_STEP_SUMMARY`, when the Markdown was appended to it. */
  readonly stepSummary: string | undefined;
}

/**
 * How a certification ended: with a signed report (certified or not), interrupted (no report),
 * or unable to start because of its configuration (pipeline file, `--only`, signing key).
 */
export type CertificationOutcome =
  | {
      readonly kind: 'finished';
      readonly report: CertificationReport;
      readonly files: CertificationFiles;
      /** A local self-signing key was created by this run. */
      readonly keyCreated: boolean;
    }
  | { readonly kind: 'interrupted' }
  | { readonly kind: 'configuration-error'; readonly message: string };
