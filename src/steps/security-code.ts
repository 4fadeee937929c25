import type TypeScript from 'typescript';
import { ts } from './typescript-compiler.ts';
import { byLocation } from './findings.ts';
import { isScript, type SourceFile } from './source-files.ts';
import type { Finding } from './types.ts';

/** Comment directives that switch the type checker off. */
const suppressions = /^(?:\/\/|\/\*)\s*@(ts-ignore|ts-nocheck)\b/;

function locate(source: TypeScript.SourceFile, position: number): { line: number; column: number } {
  const { line, character } = source.getLineAndCharacterOfPosition(position);
  return { line: line + 1, column: character + 1 };
}

function isAnyAssertion(
  node: TypeScript.Node,
): node is TypeScript.AsExpression | TypeScript.TypeAssertion {
  return (
    (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) &&
    node.type.kind === ts.SyntaxKind.AnyKeyword
  );
}

function unsafeNodes(source: TypeScript.SourceFile, path: string): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: TypeScript.Node): void => {
    if (ts.isNonNullExpression(node)) {
      findings.push({
        rule: 'non-null-assertion',
        message: `non-null assertion on \`${node.expression.getText(source)}\``,
        file: path,
        ...locate(source, node.expression.getEnd()),
      });
    } else if (isAnyAssertion(node)) {
      findings.push({
        rule: 'as-any',
        message: `\`${node.getText(source)}\` casts to any`,
        file: path,
        ...locate(source, node.type.getStart(source)),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

function isJSDocNode(node: TypeScript.Node): boolean {
  return node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;
}

/** Every token of the parsed file (the end-of-file token included), in order. */
function tokensOf(node: TypeScript.Node, source: TypeScript.SourceFile): TypeScript.Node[] {
  // JSDoc nodes are comments themselves: their trivia is read from the token they precede.
  const children = node.getChildren(source).filter((child) => !isJSDocNode(child));
  if (children.length === 0) return [node];
  return children.flatMap((child) => tokensOf(child, source));
}

/**
 * Comments are read from the trivia before each token of the parsed file, so text inside strings,
 * templates or regular expressions never counts as a comment.
 */
function suppressionComments(source: TypeScript.SourceFile, path: string): Finding[] {
  const seen = new Set<number>();
  return tokensOf(source, source).flatMap((token) =>
    (ts.getLeadingCommentRanges(source.text, token.pos) ?? []).flatMap((range): Finding[] => {
      if (seen.has(range.pos)) return [];
      seen.add(range.pos);
      const directive = suppressions.exec(source.text.slice(range.pos, range.end))?.[1];
      if (directive === undefined) return [];
      return [
        {
          rule: directive,
          message: `@${directive} switches type checking off`,
          file: path,
          ...locate(source, range.pos),
        },
      ];
    }),
  );
}

function scriptKindOf(path: string): TypeScript.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return /\.[cm]?js$/.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/**
 * Non-null assertions, `as any` (and `<any>`) casts, `@ts-ignore` and `@ts-nocheck` in the given
 * scripts, found with the TypeScript parser rather than by matching text.
 */
export function findUnsafeCode(files: readonly SourceFile[]): Finding[] {
  return files
    .filter((file) => isScript(file.path))
    .flatMap((file) => {
      const source = ts.createSourceFile(
        file.path,
        file.text,
        ts.ScriptTarget.Latest,
        true,
        scriptKindOf(file.path),
      );
      return [...unsafeNodes(source, file.path), ...suppressionComments(source, file.path)];
    })
    .sort(byLocation);
}
