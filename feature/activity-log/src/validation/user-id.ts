import { LogError } from '../log-error.ts';
import { MAX_USER_ID } from '../rules.ts';
import { describeValue } from './describe.ts';

/** A valid user id as its two 32-bit words. */
export interface UserIdWords {
  readonly low: number;
  readonly high: number;
}

const WORD = 2 ** 32;

/**
 * The words of a valid user id, or `INVALID_USER_ID` saying what is wrong with it. Valid: an
 * integer from 1 to 2^64 - 1, given as a safe-integer `number` or as a `bigint`.
 */
export function checkUserId(value: unknown): UserIdWords | LogError {
  if (typeof value === 'bigint') {
    if (value >= 1n && value <= MAX_USER_ID) {
      return { low: Number(value & 0xff_ff_ff_ffn), high: Number(value >> 32n) };
    }
    return refuse(
      value < 1n
        ? `userId is ${value.toString()}n; user ids start at 1`
        : 'userId exceeds 2^64 - 1, the largest user id',
    );
  }
  if (typeof value !== 'number') {
    return refuse(`userId must be a number or a bigint, got ${describeValue(value)}`);
  }
  if (Number.isSafeInteger(value) && value >= 1) {
    return { low: value >>> 0, high: Math.floor(value / WORD) };
  }
  return refuse(numberProblem(value));
}

function numberProblem(value: number): string {
  if (!Number.isFinite(value)) return `userId is ${String(value)}; it must be a finite integer`;
  if (!Number.isInteger(value)) return `userId is ${String(value)}; it must be an integer`;
  if (value < 1) return `userId is ${String(value)}; user ids start at 1`;
  return `userId ${String(value)} is above 2^53 - 1, where a number loses precision; give it as a bigint`;
}

function refuse(message: string): LogError {
  return new LogError('INVALID_USER_ID', 'userId', message);
}
