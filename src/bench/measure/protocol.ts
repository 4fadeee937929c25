import type { BenchTiming } from '../suite/index.ts';
import type { CaseMeasurement } from './measure-case.ts';
import type { ProfileRequest } from './profile.ts';

/** What the parent asks one measuring process to do: one case of one suite. */
export interface CaseRequest {
  readonly suitePath: string;
  readonly caseName: string;
  readonly timing: BenchTiming;
  /** Profile the sampling into this file (an extra process whose figures do not count). */
  readonly profile?: ProfileRequest;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function parseCaseRequest(text: string | undefined): CaseRequest {
  const request: unknown = JSON.parse(text ?? 'null');
  if (
    !isRecord(request) ||
    typeof request.suitePath !== 'string' ||
    typeof request.caseName !== 'string' ||
    !isRecord(request.timing)
  ) {
    throw new TypeError(`the measuring process needs a case request, got ${String(text)}`);
  }
  return request as unknown as CaseRequest;
}

/** The measuring process's one message back; anything else means it broke down. */
export function isCaseMeasurement(message: unknown): message is CaseMeasurement {
  return (
    isRecord(message) &&
    typeof message.name === 'string' &&
    (message.kind === 'measured' || message.kind === 'failed')
  );
}
