import type TypeScript from 'typescript';
import type { SourceFile } from './source-files.ts';
import { ts } from './typescript-compiler.ts';

/** A 1-based line and column of `position` in `source`. */
export function locate(
  source: TypeScript.SourceFile,
  position: number,
): { line: number; column: number } {
  const { line, character } = source.getLineAndCharacterOfPosition(position);
  return { line: line + 1, column: character + 1 };
}

function scriptKindOf(path: string): TypeScript.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return /\.[cm]?js$/.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/** The file parsed by the TypeScript compiler (syntax only; nothing is type-checked). */
export function parseScript(file: SourceFile): TypeScript.SourceFile {
  return ts.createSourceFile(
    file.path,
    file.text,
    ts.ScriptTarget.Latest,
    true,
    scriptKindOf(file.path),
  );
}

/** A string literal or a template without substitutions: text fixed in the source. */
export function isLiteralText(
  node: TypeScript.Node,
): node is TypeScript.StringLiteral | TypeScript.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** The expression inside any parentheses, `as`, `satisfies` and `!` around it. */
export function unwrap(node: TypeScript.Expression): TypeScript.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}
