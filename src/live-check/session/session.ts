import type { ResolvedRegistry } from '../../registry/index.ts';
import { LiveChecker, type Finding } from '../check/index.ts';
import type { RequestSink } from '../receiver/index.ts';
import { ReportAccumulator } from '../report/index.ts';
import type { Sample } from '../sample/index.ts';
import type { CommandOutcome, LiveCheckDocument, StopReason } from './options.ts';
import { failureReasons, type VerdictRules } from './verdict.ts';

/** Rejections kept by name in the document; the rest are only counted. */
const listedRejections = 20;

/** How a session ended, and what the run adds to its verdict. */
export interface SessionEnding {
  readonly stoppedBy: StopReason;
  readonly command?: CommandOutcome | undefined;
  /** Failures found outside the samples (the command failed). */
  readonly reasons?: readonly string[];
  /** The reason given when no telemetry arrived at all. */
  readonly whenNothingReceived?: string | undefined;
}

export interface SessionOptions extends VerdictRules {
  readonly registry: ResolvedRegistry;
  readonly onFinding?: ((finding: Finding) => void) | undefined;
  readonly onRejected?: ((source: string, reason: string) => void) | undefined;
}

/**
 * One live check's state: every request is decoded into samples, checked and counted as it
 * arrives, so stopping only reads the counts. That is why a stop under continuous traffic still
 * produces its report at once.
 */
export class LiveCheckSession implements RequestSink {
  private readonly checker: LiveChecker;
  private readonly accumulator: ReportAccumulator;
  private readonly options: SessionOptions;
  private requests = 0;
  private rejected = 0;
  private readonly rejections: { source: string; reason: string }[] = [];
  private finalDocument: LiveCheckDocument | undefined;
  private activityListener: () => void = () => undefined;

  constructor(options: SessionOptions) {
    this.options = options;
    this.checker = new LiveChecker(options.registry);
    this.accumulator = new ReportAccumulator(this.checker.index.coverage, options.onFinding);
  }

  get stopped(): boolean {
    return this.finalDocument !== undefined;
  }

  get requestCount(): number {
    return this.requests;
  }

  /** Called after each accepted request (the inactivity timer listens). */
  onActivity(listener: () => void): void {
    this.activityListener = listener;
  }

  accept(samples: readonly Sample[]): boolean {
    if (this.stopped) return false;
    this.requests += 1;
    for (const sample of samples) this.checker.check(sample, this.accumulator);
    this.activityListener();
    return true;
  }

  reject(source: string, reason: string): void {
    this.rejected += 1;
    if (this.rejections.length < listedRejections) this.rejections.push({ source, reason });
    this.options.onRejected?.(source, reason);
  }

  /** Ends the session (idempotent): no more input is taken, and the document is final. */
  stop(ending: SessionEnding): LiveCheckDocument {
    if (this.finalDocument !== undefined) return this.finalDocument;
    const report = this.accumulator.report();
    const reasons = [
      ...(ending.reasons ?? []),
      ...failureReasons(report, {
        ...this.options,
        whenNothingReceived: ending.whenNothingReceived,
      }),
    ];
    const command = ending.command ?? null;
    this.finalDocument = {
      verdict: reasons.length === 0 ? 'pass' : 'fail',
      reasons,
      stopped_by: ending.stoppedBy,
      received: {
        requests: this.requests,
        rejected: this.rejected,
        rejections: [...this.rejections],
      },
      command,
      ...report,
    };
    return this.finalDocument;
  }

  /** What `GET /health` reports while running. */
  health(): Record<string, unknown> {
    return {
      status: this.stopped ? 'stopping' : 'ok',
      requests: this.requests,
      rejected: this.rejected,
      entities: this.accumulator.entityCount,
    };
  }
}
