/**
 * What flows between the session (main thread) and its worker: requests one at a time, each
 * answered by one reply with the same id. Everything here is structured-clone safe.
 */

/** Where a tool was loaded from: the certified project's own copy, or certify's as a fallback. */
export interface ToolOrigin {
  readonly version: string;
  readonly from: 'project' | 'certify';
}

/** How a request came by its program: built for it, or reused from an earlier request. */
export interface ProgramUse {
  /** The tsconfig file, relative to the project root. */
  readonly configFile: string;
  readonly built: boolean;
  /** How long building it took (0 when reused). */
  readonly buildMs: number;
  readonly fileCount: number;
}

export interface TypeScriptDiagnostic {
  readonly code: number;
  readonly category: 'error' | 'warning' | 'suggestion' | 'message';
  /** The message chain flattened to one line. */
  readonly message: string;
  /** Relative to the project root, when the diagnostic is in a file. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface TypecheckReply {
  readonly kind: 'typecheck';
  readonly diagnostics: readonly TypeScriptDiagnostic[];
  readonly program: ProgramUse;
  readonly typescript: ToolOrigin;
}

export interface LintMessage {
  /** null for a parse error or a problem that is no rule's. */
  readonly ruleId: string | null;
  readonly severity: 'error' | 'warning';
  readonly fatal: boolean;
  readonly message: string;
  /** Relative to the project root. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface LintReply {
  readonly kind: 'lint';
  readonly messages: readonly LintMessage[];
  readonly fileCount: number;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fatalErrorCount: number;
  readonly eslint: ToolOrigin;
  /** The shared program typed rules read, when `project` was given. */
  readonly program?: ProgramUse;
}

export interface TypecheckRequest {
  readonly kind: 'typecheck';
  /** A tsconfig file or a folder holding tsconfig.json, relative to the project root. */
  readonly project: string;
}

export interface LintRequest {
  readonly kind: 'lint';
  /** Files, folders or globs, as the eslint CLI's arguments. */
  readonly paths: readonly string[];
  /** Typed rules read this project's shared program (same form as `TypecheckRequest.project`). */
  readonly project?: string;
}

/** Load the tools (and ESLint's config, with its plugins) before any check asks for them. */
export interface PrepareRequest {
  readonly kind: 'prepare';
  readonly eslint: boolean;
}

export interface PrepareReply {
  readonly kind: 'prepare';
  readonly typescript: ToolOrigin;
  readonly eslint?: ToolOrigin;
}

export type SessionRequest = TypecheckRequest | LintRequest | PrepareRequest;
export type SessionReply = TypecheckReply | LintReply | PrepareReply;

/** What the worker is started with. */
export interface WorkerSetup {
  readonly projectRoot: string;
}

export interface RequestMessage {
  readonly id: number;
  readonly request: SessionRequest;
}

export type ReplyMessage =
  | { readonly id: number; readonly ok: true; readonly reply: SessionReply }
  | { readonly id: number; readonly ok: false; readonly error: string };
