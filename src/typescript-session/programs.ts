import { performance } from 'node:perf_hooks';
import { relative, resolve } from 'node:path';
import type TypeScriptModule from 'typescript';
import type { ProgramUse, ToolOrigin, TypeScriptDiagnostic } from './protocol.ts';
import { loadTypeScript, type TypeScript } from './tools.ts';

/** A program built from a tsconfig file, or why none could be. */
type BuiltProgram =
  | {
      readonly ok: true;
      readonly program: TypeScriptModule.Program;
      readonly configFile: string;
      readonly buildMs: number;
    }
  | {
      readonly ok: false;
      readonly configFile: string;
      readonly problem: TypeScriptModule.Diagnostic;
    };

/** A request's program, or why there is none (the tsconfig file could not be read at all). */
export type ProgramLease =
  | { readonly ok: true; readonly program: TypeScriptModule.Program; readonly use: ProgramUse }
  | { readonly ok: false; readonly problem: TypeScriptModule.Diagnostic; readonly use: ProgramUse };

const categories = ['warning', 'error', 'suggestion', 'message'] as const;

/**
 * The worker's programs, one per tsconfig file, built on first request and kept for the run: the
 * typecheck and the typed lint rules share one program and its type checker.
 */
export class ProgramCache {
  private readonly programs = new Map<string, BuiltProgram>();
  private typescript: { module: TypeScript; origin: ToolOrigin } | undefined;

  private readonly projectRoot: string;

  constructor(projectRoot: string) {
    this.projectRoot = projectRoot;
  }

  get ts(): TypeScript {
    return this.tool().module;
  }

  get origin(): ToolOrigin {
    return this.tool().origin;
  }

  private tool() {
    this.typescript ??= loadTypeScript(this.projectRoot);
    return this.typescript;
  }

  /** As `tsc -p`: a folder means the tsconfig.json inside it. */
  configFileOf(project: string): string {
    const absolute = resolve(this.projectRoot, project);
    return this.ts.sys.directoryExists(absolute) ? resolve(absolute, 'tsconfig.json') : absolute;
  }

  lease(project: string): ProgramLease {
    const configFile = this.configFileOf(project);
    const cached = this.programs.get(configFile);
    const built = cached ?? this.build(configFile);
    if (cached === undefined) this.programs.set(configFile, built);
    const use = {
      configFile: relative(this.projectRoot, configFile),
      built: cached === undefined,
      buildMs: cached === undefined && built.ok ? built.buildMs : 0,
      fileCount: built.ok ? this.ownFiles(built.program).length : 0,
    };
    return built.ok
      ? { ok: true, program: built.program, use }
      : { ok: false, problem: built.problem, use };
  }

  private build(configFile: string): BuiltProgram {
    const { ts } = this;
    const started = performance.now();
    let problem: TypeScriptModule.Diagnostic | undefined;
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        problem = diagnostic;
      },
    });
    if (parsed === undefined) {
      const fallback = `cannot read ${configFile}`;
      return { ok: false, configFile, problem: problem ?? this.bare(fallback) };
    }
    const program = ts.createProgram({
      rootNames: parsed.fileNames,
      options: parsed.options,
      ...(parsed.projectReferences === undefined
        ? {}
        : { projectReferences: parsed.projectReferences }),
      configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
    });
    return { ok: true, program, configFile, buildMs: Math.round(performance.now() - started) };
  }

  private bare(message: string): TypeScriptModule.Diagnostic {
    const { ts } = this;
    return {
      category: ts.DiagnosticCategory.Error,
      code: 5083,
      file: undefined,
      start: undefined,
      length: undefined,
      messageText: message,
    };
  }

  /** The program's files that are the project's own: under its root, outside node_modules. */
  ownFiles(program: TypeScriptModule.Program): string[] {
    return program
      .getSourceFiles()
      .map((source) => relative(this.projectRoot, source.fileName))
      .filter((path) => !path.startsWith('../') && !path.split('/').includes('node_modules'));
  }

  /**
   * What `tsc --noEmit` reports, in its order: config-file problems, syntax errors; only when
   * there are none, options and global diagnostics, then (if still none) semantic
   * ones and, for a project that declares, declaration ones.
   */
  diagnosticsOf(program: TypeScriptModule.Program): TypeScriptDiagnostic[] {
    const { ts } = this;
    const all = [...program.getConfigFileParsingDiagnostics()];
    const before = all.length;
    all.push(...program.getSyntacticDiagnostics());
    if (all.length === before) {
      all.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
      if (all.length === before) all.push(...program.getSemanticDiagnostics());
      const { declaration, composite } = program.getCompilerOptions();
      const declares = declaration === true || composite === true;
      if (declares && all.length === before) all.push(...program.getDeclarationDiagnostics());
    }
    return ts.sortAndDeduplicateDiagnostics(all).map((diagnostic) => this.plain(diagnostic));
  }

  plain(diagnostic: TypeScriptModule.Diagnostic): TypeScriptDiagnostic {
    const { ts } = this;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const category = categories[diagnostic.category];
    const { file, start } = diagnostic;
    if (file === undefined || start === undefined) {
      return { code: diagnostic.code, category, message };
    }
    const { line, character } = file.getLineAndCharacterOfPosition(start);
    return {
      code: diagnostic.code,
      category,
      message,
      file: relative(this.projectRoot, file.fileName),
      line: line + 1,
      column: character + 1,
    };
  }
}
