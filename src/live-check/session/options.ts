import type { Readable } from 'node:stream';
import type { ResolvedRegistry } from '../../registry/index.ts';
import type { Finding, FindingLevel } from '../check/index.ts';
import type { LiveCheckReport } from '../report/index.ts';

/** Where a run-mode command's output goes: certify's stderr, nowhere, or to a line callback. */
export type CommandOutput = 'stderr' | 'ignore' | ((line: string) => void);

/** Where telemetry comes from. */
export type InputSource =
  | {
      readonly kind: 'otlp';
      readonly address: string;
      readonly grpcPort: number;
      /** undefined: no OTLP/HTTP receiver. */
      readonly httpPort: number | undefined;
      readonly adminPort: number;
    }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'file'; readonly path: string };

export interface LiveCheckOptions {
  /** The resolved registry, or its folder (loaded with the registry check's loader). */
  readonly registry: ResolvedRegistry | string;
  readonly input: InputSource;
  /** Seconds without telemetry before the check stops by itself (OTLP input); 0 = never. */
  readonly inactivityTimeoutSeconds: number;
  /** Run mode: the program whose telemetry is checked, as an argv array (no shell). */
  readonly command?: readonly string[] | undefined;
  /** Where the command's output goes: certify's stderr (the default), nowhere, or line by line. */
  readonly commandOutput?: CommandOutput;
  /** The command's working folder (default: certify's own). */
  readonly commandCwd?: string;
  /** The environment the command starts from (default: certify's own). */
  readonly commandEnv?: Readonly<Record<string, string | undefined>>;
  /** The lowest finding level that fails the check; 'none' never fails on findings. */
  readonly failOn: FindingLevel | 'none';
  /** Fail when registry coverage (a percentage) is below this. */
  readonly failOnCoverageBelow?: number | undefined;
  /** Largest accepted OTLP message in bytes, compressed or not. */
  readonly maxMessageBytes?: number;
  /** After the command exits, how long telemetry must stay quiet before the evaluation. */
  readonly quietPeriodMs?: number;
  /** stdin input reads this stream (process.stdin by default). */
  readonly stdin?: Readable;
  /** Aborting it stops the check (SIGINT, SIGTERM); the report is produced all the same. */
  readonly stopSignal?: AbortSignal;
  /** The receivers are listening (OTLP input only). */
  readonly onReady?: (ports: BoundPorts) => void;
  /** A distinct finding occurred for the first time. */
  readonly onFinding?: (finding: Finding) => void;
  /** Input that could not be read (a malformed request): where from and why. */
  readonly onRejected?: (source: string, reason: string) => void;
}

export interface BoundPorts {
  readonly address: string;
  readonly grpc: number;
  readonly http: number | undefined;
  readonly admin: number;
}

export type StopReason = 'inactivity' | 'admin' | 'signal' | 'end-of-input' | 'command-exit';

export interface CommandOutcome {
  readonly argv: readonly string[];
  /** undefined when it did not start or was killed by a signal. */
  readonly exit_code: number | undefined;
  readonly failure: string | undefined;
}

/** The one document a live check produces: verdict, what was received, the report. */
export interface LiveCheckDocument extends LiveCheckReport {
  readonly verdict: 'pass' | 'fail';
  /** Why it failed (empty when it passed). */
  readonly reasons: readonly string[];
  readonly stopped_by: StopReason;
  readonly received: {
    readonly requests: number;
    readonly rejected: number;
    /** The first rejections, each with its source and reason. */
    readonly rejections: readonly { readonly source: string; readonly reason: string }[];
  };
  readonly command: CommandOutcome | null;
}

/**
 * A problem that stopped the check from running at all: a registry with errors, a port in use, an
 * unreadable input.
 */
export interface LiveCheckError {
  readonly kind: 'registry' | 'listen' | 'input';
  readonly message: string;
}

export type LiveCheckResult =
  | {
      readonly ok: true;
      readonly document: LiveCheckDocument;
      /** A signal stopped a run before its command finished. */
      readonly interrupted: boolean;
    }
  | { readonly ok: false; readonly error: LiveCheckError };
