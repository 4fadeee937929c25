import type TypeScript from 'typescript';
import { ts } from './typescript-compiler.ts';
import { byLocation } from './findings.ts';
import { isScript, type SourceFile } from './source-files.ts';
import type { Finding } from './types.ts';

/** Token formats that are secrets wherever they appear. */
const secretPatterns: readonly { rule: string; what: string; pattern: RegExp }[] = [
  {
    rule: 'private-key',
    what: 'a private key block',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    rule: 'aws-access-key',
    what: 'an AWS access key id',
    pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  },
  {
    rule: 'aws-secret-key',
    what: 'an AWS secret access key',
    pattern: /aws.{0,20}secret.{0,20}['"][A-Za-z0-9/+=]{40}['"]/gi,
  },
  {
    rule: 'github-token',
    what: 'a GitHub token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g,
  },
  { rule: 'gitlab-token', what: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { rule: 'slack-token', what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { rule: 'google-api-key', what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { rule: 'stripe-key', what: 'a Stripe secret key', pattern: /\b[rs]k_live_[0-9A-Za-z]{20,}\b/g },
  { rule: 'npm-token', what: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  {
    rule: 'openai-key',
    what: 'an OpenAI-style API key',
    pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b/g,
  },
  {
    rule: 'jwt',
    what: 'a JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
  },
  {
    rule: 'azure-storage-key',
    what: 'an Azure storage account key',
    pattern: /AccountKey=[A-Za-z0-9+/=]{40,}/g,
  },
];

/**
 * Names whose value is a secret, matched on the last snake_case words, so `apiKey`, `API_KEY` and
 * `db_password` match while `apiKeyHeader` or `passwordLabel` (names of other things) do not.
 */
const secretName =
  /(?:^|_)(?:password|passwd|pwd|passphrase|secret|secret_key|api_?key|access_key|private_key|auth_token|access_token|refresh_token|client_secret|credentials?)$/;

/** Shorter literals are placeholders or field names rather than secrets. */
const MIN_SECRET_LENGTH = 6;

function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase();
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function tokenFindings(file: SourceFile): Finding[] {
  return secretPatterns.flatMap(({ rule, what, pattern }) =>
    [...file.text.matchAll(pattern)].map((match) => ({
      rule,
      // The value itself is never repeated: the report must not leak what it found.
      message: `${what} is hard-coded`,
      file: file.path,
      ...lineAndColumn(file.text, match.index),
    })),
  );
}

function nameOf(node: TypeScript.Node): string | undefined {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return nameOf(node.argumentExpression);
  return undefined;
}

/** The name and the literal value of an assignment-like node, when it has both. */
function assignmentOf(
  node: TypeScript.Node,
): { name: TypeScript.Node; value: TypeScript.Node } | undefined {
  if (
    (ts.isVariableDeclaration(node) ||
      ts.isPropertyDeclaration(node) ||
      ts.isParameter(node) ||
      ts.isBindingElement(node)) &&
    node.initializer !== undefined
  ) {
    return { name: node.name, value: node.initializer };
  }
  if (ts.isPropertyAssignment(node)) return { name: node.name, value: node.initializer };
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return { name: node.left, value: node.right };
  }
  return undefined;
}

function assignmentFindings(file: SourceFile): Finding[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const visit = (node: TypeScript.Node): void => {
    const assignment = assignmentOf(node);
    const name = assignment === undefined ? undefined : nameOf(assignment.name);
    const value = assignment?.value;
    if (
      name !== undefined &&
      value !== undefined &&
      (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) &&
      value.text.length >= MIN_SECRET_LENGTH &&
      secretName.test(snakeCase(name))
    ) {
      const { line, character } = source.getLineAndCharacterOfPosition(value.getStart(source));
      findings.push({
        rule: 'secret-assignment',
        message: `\`${name}\` is assigned a hard-coded string`,
        file: file.path,
        line: line + 1,
        column: character + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** `password: "…"`, `API_KEY="…"` in configuration files and other text. */
const textAssignment = /\b([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[:=]\s*["']([^"'\n]{6,})["']/g;

function textAssignmentFindings(file: SourceFile): Finding[] {
  return [...file.text.matchAll(textAssignment)]
    .filter((match) => secretName.test(snakeCase(match[1] ?? '')))
    .map((match) => ({
      rule: 'secret-assignment',
      message: `\`${match[1] ?? ''}\` is assigned a hard-coded string`,
      file: file.path,
      ...lineAndColumn(file.text, match.index),
    }));
}

/**
 * Hard-coded secrets: private-key blocks and cloud or API token formats anywhere, and string
 * literals assigned to names such as password, secret or api_key (found with the TypeScript
 * parser in scripts, by pattern in other files).
 */
export function findSecrets(files: readonly SourceFile[]): Finding[] {
  return files
    .flatMap((file) => [
      ...tokenFindings(file),
      ...(isScript(file.path) ? assignmentFindings(file) : textAssignmentFindings(file)),
    ])
    .sort(byLocation);
}
