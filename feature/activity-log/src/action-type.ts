/**
 * The kinds of activity a user can perform. The values are the registry's `action.type` enum
 * values, so what is stored is what telemetry reports.
 *
 * @example
 * ```ts
 * log.logEvent({ userId: 7, actionType: ActionType.Login, timestamp: new Date() });
 * ```
 */
export const ActionType = {
  Login: 'login',
  Logout: 'logout',
  PageView: 'page_view',
  ActionTaken: 'action_taken',
} as const;

/** One of the four action-type strings: `'login' | 'logout' | 'page_view' | 'action_taken'`. */
export type ActionType = (typeof ActionType)[keyof typeof ActionType];

/**
 * Action types by batch action code: code `0` is `login`, `1` `logout`, `2` `page_view`,
 * `3` `action_taken`. A batch carries codes, never strings, so the hot loop compares bytes.
 */
export const ACTION_TYPE_BY_CODE: readonly ActionType[] = Object.freeze([
  ActionType.Login,
  ActionType.Logout,
  ActionType.PageView,
  ActionType.ActionTaken,
]);

/** Number of action codes; a batch code is valid when it is below this. */
export const ACTION_CODE_COUNT = ACTION_TYPE_BY_CODE.length;

/**
 * The batch action code of an action-type string, or `-1` when the value is not one of the four
 * action types. A `switch` rather than an object lookup, so `'toString'` or `'__proto__'` can
 * never match an inherited property.
 *
 * @example
 * ```ts
 * actionCodeOf('page_view'); // 2
 * actionCodeOf('jump'); // -1
 * ```
 */
export function actionCodeOf(value: unknown): number {
  switch (value) {
    case ActionType.Login:
      return 0;
    case ActionType.Logout:
      return 1;
    case ActionType.PageView:
      return 2;
    case ActionType.ActionTaken:
      return 3;
    default:
      return -1;
  }
}
