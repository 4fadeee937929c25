import type TypeScript from 'typescript';
import { byLocation } from './findings.ts';
import { locate, parseScript } from './script-source.ts';
import { isScript, type SourceFile } from './source-files.ts';
import { ts } from './typescript-compiler.ts';
import type { Finding } from './types.ts';

/** A directive that switches one of the feature's own checks off, and what it silences. */
interface Directive {
  readonly rule: string;
  readonly pattern: RegExp;
  readonly silences: string;
}

/**
 * Matched at the start of a comment's line, after its `//`, `/*`, `*` or `#`, the way each tool
 * reads them (TypeScript takes `@ts-ignore` on any line of a block comment, ESLint takes a
 * directive at the start of a comment, Prettier `prettier-ignore` alone in one).
 */
const directives: readonly Directive[] = [
  {
    rule: 'ts-ignore',
    pattern: /^@ts-ignore\b/,
    silences: 'the type checker on the next line',
  },
  {
    rule: 'ts-expect-error',
    pattern: /^@ts-expect-error\b/,
    silences: 'the type checker on the next line',
  },
  { rule: 'ts-nocheck', pattern: /^@ts-nocheck\b/, silences: 'the type checker for the file' },
  {
    rule: 'eslint-disable',
    pattern: /^eslint-disable(?:-next-line|-line)?\b/,
    silences: 'ESLint rules',
  },
  {
    rule: 'eslint-config',
    pattern: /^eslint\s+[@\w/-]+\s*:|^globals?\s+\w/,
    silences: 'the lint configuration (an inline rule setting or global)',
  },
  { rule: 'prettier-ignore', pattern: /^prettier-ignore\b/, silences: 'the format check' },
  {
    rule: 'coverage-ignore',
    pattern: /^(?:[cv]8|istanbul)\s+ignore\b|^node:coverage\s+(?:ignore|disable)\b/,
    silences: 'coverage measurement',
  },
];

function directiveIn(comment: string): { directive: Directive; text: string } | undefined {
  for (const line of comment.split('\n')) {
    const text = line
      .replace(/^\s*(?:\/\/+|\/\*+|\*+|#+|<!--)?\s*/, '')
      .replace(/\s*(?:\*\/|-->)\s*$/, '');
    const directive = directives.find((candidate) => candidate.pattern.test(text));
    if (directive !== undefined) return { directive, text: text.slice(0, 80) };
  }
  return undefined;
}

function findingOf(
  directive: Directive,
  text: string,
  file: string,
  at: { line: number; column: number },
): Finding {
  return {
    rule: directive.rule,
    message: `\`${text}\` switches off ${directive.silences}`,
    file,
    ...at,
  };
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

/** The comments before and after a token; a comment on a token's own line trails it. */
function commentsAround(text: string, token: TypeScript.Node): TypeScript.CommentRange[] {
  return [
    ...(ts.getLeadingCommentRanges(text, token.pos) ?? []),
    ...(ts.getTrailingCommentRanges(text, token.end) ?? []),
  ];
}

/**
 * Comments are read from the trivia around each token of the parsed file, so text inside
 * strings, templates or regular expressions never counts as a comment.
 */
function scriptDirectives(file: SourceFile): Finding[] {
  const source = parseScript(file);
  const seen = new Set<number>();
  return tokensOf(source, source).flatMap((token) =>
    commentsAround(source.text, token).flatMap((range): Finding[] => {
      if (seen.has(range.pos)) return [];
      seen.add(range.pos);
      const found = directiveIn(source.text.slice(range.pos, range.end));
      if (found === undefined) return [];
      return [findingOf(found.directive, found.text, file.path, locate(source, range.pos))];
    }),
  );
}

/** `# prettier-ignore` in YAML, `<!-- prettier-ignore -->` in Markdown (outside code blocks). */
function textDirectives(file: SourceFile): Finding[] {
  const comment = /\.ya?ml$/.test(file.path)
    ? /^\s*#/
    : /\.(?:md|markdown|html?)$/.test(file.path)
      ? /^\s*<!--/
      : undefined;
  if (comment === undefined) return [];
  let fenced = false;
  return file.text.split('\n').flatMap((line, index): Finding[] => {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || !comment.test(line)) return [];
    const found = directiveIn(line);
    if (found === undefined) return [];
    return [findingOf(found.directive, found.text, file.path, { line: index + 1, column: 1 })];
  });
}

/**
 * Every comment in the feature that switches one of its checks off: `@ts-ignore`,
 * `@ts-expect-error`, `@ts-nocheck`, `eslint-disable` (and `-line`, `-next-line`), inline
 * `/* eslint rule: … *\/` settings, `prettier-ignore`, and the coverage tools' ignore hints
 * (`c8`, `v8`, `istanbul`, `node:coverage`). Whether or not the silenced check would have found
 * anything: a written exemption says why one is needed.
 */
export function findSuppressions(files: readonly SourceFile[]): Finding[] {
  return files
    .flatMap((file) => (isScript(file.path) ? scriptDirectives(file) : textDirectives(file)))
    .sort(byLocation);
}
