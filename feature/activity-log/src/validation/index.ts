export { checkActionType } from './action-type.ts';
export { validateEvent } from './event.ts';
export { readEventFields, type EventFields } from './read-event.ts';
export { checkUserId, type UserIdWords } from './user-id.ts';
export { describeValue } from './describe.ts';
