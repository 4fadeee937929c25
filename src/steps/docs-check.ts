import { relative, resolve } from 'node:path';
import type TypeScript from 'typescript';
import { ts } from './typescript-compiler.ts';
import type { DocsCheckStepSpec } from '../pipeline/index.ts';
import { byLocation } from './findings.ts';
import type { Finding, StepContext, StepOutcome } from './types.ts';

/** Enough to resolve the entry's own re-exports; nothing is emitted or type-checked in full. */
const compilerOptions: TypeScript.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

function isFunctionLike(declaration: TypeScript.Declaration): boolean {
  if (ts.isFunctionDeclaration(declaration)) return true;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return false;
  return (
    ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer)
  );
}

/** TSDoc is read from the declaration, or from its statement for `export const`. */
function docHosts(declaration: TypeScript.Declaration): TypeScript.Node[] {
  return ts.isVariableDeclaration(declaration)
    ? [declaration, declaration.parent.parent]
    : [declaration];
}

function jsDocsOf(declaration: TypeScript.Declaration): TypeScript.JSDoc[] {
  return docHosts(declaration).flatMap((host) =>
    ts.getJSDocCommentsAndTags(host).filter(ts.isJSDoc),
  );
}

function hasDescription(declaration: TypeScript.Declaration): boolean {
  return jsDocsOf(declaration).some((doc) => ts.getTextOfJSDocComment(doc.comment)?.trim());
}

function hasExample(declaration: TypeScript.Declaration): boolean {
  return jsDocsOf(declaration).some((doc) =>
    (doc.tags ?? []).some((tag) => tag.tagName.text === 'example'),
  );
}

function needsExample(declaration: TypeScript.Declaration): boolean {
  return ts.isClassDeclaration(declaration) || isFunctionLike(declaration);
}

function findingAt(
  declaration: TypeScript.Declaration,
  root: string,
  rule: string,
  message: string,
): Finding {
  const source = declaration.getSourceFile();
  const { line, character } = source.getLineAndCharacterOfPosition(declaration.getStart(source));
  return {
    rule,
    message,
    file: relative(root, source.fileName),
    line: line + 1,
    column: character + 1,
  };
}

/** One export's problems: a missing description, a missing example (classes and functions). */
function checkExport(
  name: string,
  declarations: readonly TypeScript.Declaration[],
  root: string,
): Finding[] {
  const [first] = declarations;
  if (first === undefined) return [];
  const findings: Finding[] = [];
  if (!declarations.some(hasDescription)) {
    findings.push(
      findingAt(first, root, 'missing-description', `export \`${name}\` has no TSDoc description`),
    );
  }
  const wanting = declarations.filter(needsExample);
  const [firstWanting] = wanting;
  if (firstWanting !== undefined && !wanting.some(hasExample)) {
    findings.push(
      findingAt(firstWanting, root, 'missing-example', `export \`${name}\` has no @example`),
    );
  }
  return findings;
}

/** The entry's exports, re-exports followed to the declarations they name. */
function exportsOf(
  entry: string,
): { name: string; declarations: TypeScript.Declaration[] }[] | string {
  const program = ts.createProgram({ rootNames: [entry], options: compilerOptions });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (source === undefined) return `cannot read ${entry}`;
  const module = checker.getSymbolAtLocation(source);
  if (module === undefined) return `${entry} is not a module (it exports nothing)`;
  return checker.getExportsOfModule(module).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return { name: symbol.name, declarations: target.declarations ?? [] };
  });
}

/**
 * Every export of the feature's entry has a TSDoc description; classes and functions also have an
 * `@example`. Read with the TypeScript compiler API, following re-exports.
 */
export function runDocsCheckStep(
  _spec: DocsCheckStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  const { projectRoot, feature } = context.pipeline;
  const exported = exportsOf(resolve(projectRoot, feature.entry));
  if (typeof exported === 'string') return Promise.resolve({ status: 'fail', reason: exported });
  if (exported.length === 0) {
    return Promise.resolve({ status: 'fail', reason: `${feature.entry} exports nothing` });
  }
  const findings = exported
    .flatMap(({ name, declarations }) => checkExport(name, declarations, projectRoot))
    .sort(byLocation);
  const reason =
    findings.length === 0
      ? `all ${exported.length} exports of ${feature.entry} are documented`
      : `${findings.length} documentation gaps in ${exported.length} exports of ${feature.entry}`;
  return Promise.resolve({ status: findings.length === 0 ? 'pass' : 'fail', reason, findings });
}
