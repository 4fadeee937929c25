import { ACTION_TYPE_BY_CODE, actionCodeOf } from '../action-type.ts';
import { LogError } from '../log-error.ts';
import { describeValue } from './describe.ts';

/** The action code of a valid action type, or `INVALID_ACTION_TYPE` naming the valid ones. */
export function checkActionType(value: unknown): number | LogError {
  const code = actionCodeOf(value);
  if (code >= 0) return code;
  return new LogError(
    'INVALID_ACTION_TYPE',
    'actionType',
    `actionType must be one of ${ACTION_TYPE_BY_CODE.join(', ')}; got ${describeValue(value)}`,
  );
}
