import type TypeScript from 'typescript';
import { locate } from './script-source.ts';
import { ts } from './typescript-compiler.ts';
import type { Finding } from './types.ts';

function isAnyAssertion(
  node: TypeScript.Node,
): node is TypeScript.AsExpression | TypeScript.TypeAssertion {
  return (
    (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) &&
    node.type.kind === ts.SyntaxKind.AnyKeyword
  );
}

/**
 * Non-null assertions, `as any` (and `<any>`) casts and any other `any` type in a parsed script,
 * found with the TypeScript parser rather than by matching text.
 */
export function findUnsafeCode(source: TypeScript.SourceFile): Finding[] {
  const findings: Finding[] = [];
  const path = source.fileName;
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
      // The cast's own `any` is this finding, not a second one.
      ts.forEachChild(node.expression, visit);
      return;
    } else if (node.kind === ts.SyntaxKind.AnyKeyword) {
      findings.push({
        rule: 'explicit-any',
        message: `\`${node.parent.getText(source).slice(0, 60)}\` has the type any, which switches type checking off`,
        file: path,
        ...locate(source, node.getStart(source)),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}
