export {
  TypeScriptSession,
  TypeScriptSessionError,
  type SessionErrorKind,
  type SessionRequestOptions,
  type SessionStatistics,
} from './session.ts';
export type {
  LintMessage,
  LintReply,
  PrepareReply,
  ProgramUse,
  ToolOrigin,
  TypecheckReply,
  TypeScriptDiagnostic,
} from './protocol.ts';
