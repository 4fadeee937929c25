import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type TypeScript from 'typescript';
import { isLiteralText, locate, parseScript, unwrap } from '../script-source.ts';
import { ts } from '../typescript-compiler.ts';
import type { Finding } from '../types.ts';

/** What a test (with the helpers it calls) asserts on. */
interface Tally {
  /** Assertions whose subject and expected values are all written in the test as constants. */
  constant: number;
  /** Assertions on anything else: values the test computed, from the feature or not. */
  real: number;
}

/** One parsed file: its functions by name, its constant names, its relative imports. */
interface ParsedFile {
  readonly path: string;
  readonly source: TypeScript.SourceFile;
  readonly functions: ReadonlyMap<string, TypeScript.Node>;
  readonly constants: ReadonlySet<string>;
  /** Local name → the file and exported name it is imported from (relative imports only). */
  readonly imports: ReadonlyMap<string, { readonly file: string; readonly name: string }>;
}

const asymmetricMatchers = new Set([
  'any',
  'anything',
  'arrayContaining',
  'objectContaining',
  'stringContaining',
  'stringMatching',
  'closeTo',
]);
const conversions = new Set(['String', 'Number', 'Boolean', 'BigInt']);
/** Literals: their value is written in the source. */
const fixedKinds = new Set<TypeScript.SyntaxKind>([
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
]);
/** Calls on `expect` that declare expectations about the count, asserting nothing themselves. */
const expectationCounts = new Set(['assertions', 'hasAssertions']);

function functionBody(node: TypeScript.Node | undefined): TypeScript.Node | undefined {
  if (node === undefined) return undefined;
  if (ts.isVariableDeclaration(node)) return functionBody(node.initializer);
  const inner = ts.isExpression(node) ? unwrap(node) : node;
  if (
    ts.isArrowFunction(inner) ||
    ts.isFunctionExpression(inner) ||
    ts.isFunctionDeclaration(inner)
  ) {
    return inner.body;
  }
  return undefined;
}

function isExported(node: TypeScript.Node): boolean {
  const statement = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

/** Names declared `const` with a constant value, and no other declaration of the same name. */
function constantNames(source: TypeScript.SourceFile): Set<string> {
  const candidates = new Map<string, TypeScript.Expression>();
  const others = new Set<string>();
  const visit = (node: TypeScript.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const constant = (ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) !== 0;
      if (constant && node.initializer !== undefined && !candidates.has(node.name.text)) {
        candidates.set(node.name.text, node.initializer);
      } else others.add(node.name.text);
    } else if ((ts.isParameter(node) || ts.isBindingElement(node)) && ts.isIdentifier(node.name)) {
      others.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const constants = new Set<string>();
  // Until nothing changes: `const b = a + 1` is constant once `a` is known to be.
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, initializer] of candidates) {
      if (constants.has(name) || others.has(name)) continue;
      if (isConstant(initializer, constants)) {
        constants.add(name);
        changed = true;
      }
    }
  }
  return constants;
}

/** An expression whose value is fixed in the source: it cannot come from the code under test. */
function isConstant(expression: TypeScript.Expression, constants: ReadonlySet<string>): boolean {
  const node = unwrap(expression);
  const constant = (child: TypeScript.Expression) => isConstant(child, constants);
  if (fixedKinds.has(node.kind)) return true;
  if (ts.isIdentifier(node)) {
    return ['undefined', 'NaN', 'Infinity'].includes(node.text) || constants.has(node.text);
  }
  if (ts.isTemplateExpression(node))
    return node.templateSpans.every((span) => constant(span.expression));
  if (ts.isPrefixUnaryExpression(node)) return constant(node.operand);
  if (ts.isVoidExpression(node) || ts.isTypeOfExpression(node)) return constant(node.expression);
  if (ts.isBinaryExpression(node)) return constant(node.left) && constant(node.right);
  if (ts.isConditionalExpression(node)) {
    return constant(node.condition) && constant(node.whenTrue) && constant(node.whenFalse);
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.every((element) =>
      ts.isSpreadElement(element) ? constant(element.expression) : constant(element),
    );
  }
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((property) => {
      if (ts.isPropertyAssignment(property)) {
        const key = property.name;
        const fixedKey = !ts.isComputedPropertyName(key) || constant(key.expression);
        return fixedKey && constant(property.initializer);
      }
      if (ts.isShorthandPropertyAssignment(property)) return constants.has(property.name.text);
      return ts.isSpreadAssignment(property) && constant(property.expression);
    });
  }
  if (ts.isPropertyAccessExpression(node)) return constant(node.expression);
  if (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression);
    const fixedCallee =
      (ts.isIdentifier(callee) && conversions.has(callee.text)) ||
      (ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'expect' &&
        asymmetricMatchers.has(callee.name.text));
    return fixedCallee && node.arguments.every(constant);
  }
  return false;
}

/** `expect(…)`, `expect.soft(…)`, `ctx.expect(…)`, `expect.poll(…)`: the start of an assertion. */
function isExpectCall(node: TypeScript.CallExpression): boolean {
  const callee = unwrap(node.expression);
  if (ts.isIdentifier(callee)) return callee.text === 'expect';
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (callee.name.text === 'expect') return true;
  const base = unwrap(callee.expression);
  return (
    ts.isIdentifier(base) &&
    base.text === 'expect' &&
    (callee.name.text === 'soft' || callee.name.text === 'poll')
  );
}

/** `assert(…)` and `assert.equal(…)` (Chai's, as Vitest exports it, or Node's). */
function isAssertCall(node: TypeScript.CallExpression): boolean {
  const callee = unwrap(node.expression);
  if (ts.isIdentifier(callee)) return callee.text === 'assert';
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'assert'
  );
}

/** The matcher call of `expect(x).not.toBe(y)`: the outermost call of the chain. */
function matcherOf(expectCall: TypeScript.CallExpression): TypeScript.CallExpression | undefined {
  let node: TypeScript.Node = expectCall;
  let matcher: TypeScript.CallExpression | undefined;
  for (;;) {
    const { parent } = node;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) node = parent;
    else if (ts.isCallExpression(parent) && parent.expression === node) {
      matcher = parent;
      node = parent;
    } else if (ts.isAwaitExpression(parent)) node = parent;
    else return matcher;
  }
}

class AssertionScan {
  readonly #files = new Map<string, ParsedFile | undefined>();

  file(path: string, text?: string): ParsedFile | undefined {
    if (this.#files.has(path)) return this.#files.get(path);
    let parsed: ParsedFile | undefined;
    try {
      parsed = parseFile(path, text ?? readFileSync(path, 'utf8'));
    } catch (error: unknown) {
      // A helper module that cannot be read is one whose assertions are not counted.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    this.#files.set(path, parsed);
    return parsed;
  }

  /** The assertions in `body`, and in the helpers it calls (same file or relative imports). */
  tally(file: ParsedFile, body: TypeScript.Node, seen = new Set<TypeScript.Node>()): Tally {
    const tally: Tally = { constant: 0, real: 0 };
    if (seen.has(body)) return tally;
    seen.add(body);
    const visit = (node: TypeScript.Node): void => {
      if (ts.isCallExpression(node)) this.#call(file, node, tally, seen);
      ts.forEachChild(node, visit);
    };
    visit(body);
    return tally;
  }

  #call(
    file: ParsedFile,
    node: TypeScript.CallExpression,
    tally: Tally,
    seen: Set<TypeScript.Node>,
  ): void {
    const count = (values: readonly TypeScript.Expression[]) => {
      if (values.every((value) => isConstant(value, file.constants))) tally.constant += 1;
      else tally.real += 1;
    };
    if (isExpectCall(node)) {
      const callee = unwrap(node.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'poll') tally.real += 1;
      else count([...node.arguments, ...(matcherOf(node)?.arguments ?? [])]);
      return;
    }
    const callee = unwrap(node.expression);
    if (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === 'expect' &&
      expectationCounts.has(callee.name.text)
    ) {
      return;
    }
    if (isAssertCall(node)) {
      count(node.arguments);
      return;
    }
    if (!ts.isIdentifier(callee)) return;
    const helper = this.#helper(file, callee.text);
    if (helper === undefined) return;
    const inner = this.tally(helper.file, helper.body, seen);
    tally.constant += inner.constant;
    tally.real += inner.real;
  }

  #helper(file: ParsedFile, name: string): { file: ParsedFile; body: TypeScript.Node } | undefined {
    const local = functionBody(file.functions.get(name));
    if (local !== undefined) return { file, body: local };
    const imported = file.imports.get(name);
    if (imported === undefined) return undefined;
    const target = this.file(imported.file);
    const declaration = target?.functions.get(imported.name);
    const body =
      declaration !== undefined && isExported(declaration) ? functionBody(declaration) : undefined;
    return target !== undefined && body !== undefined ? { file: target, body } : undefined;
  }
}

function parseFile(path: string, text: string): ParsedFile {
  const source = parseScript({ path, text });
  const functions = new Map<string, TypeScript.Node>();
  const imports = new Map<string, { file: string; name: string }>();
  const visit = (node: TypeScript.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name !== undefined)
      functions.set(node.name.text, node);
    else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer !== undefined
    ) {
      if (functionBody(node.initializer) !== undefined) functions.set(node.name.text, node);
    } else if (ts.isImportDeclaration(node) && isLiteralText(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const named = node.importClause?.namedBindings;
      if (specifier.startsWith('.') && named !== undefined && ts.isNamedImports(named)) {
        const target = resolve(dirname(path), specifier);
        for (const element of named.elements) {
          imports.set(element.name.text, {
            file: target,
            name: (element.propertyName ?? element.name).text,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { path, source, functions, constants: constantNames(source), imports };
}

/** `it`, `test` and what `test.extend(…)` makes, with their modifiers: `it.each(…)(…)` too. */
function testCallOf(node: TypeScript.CallExpression, testNames: ReadonlySet<string>): boolean {
  const modifiers: string[] = [];
  let callee: TypeScript.Expression = unwrap(node.expression);
  for (;;) {
    if (ts.isCallExpression(callee)) callee = unwrap(callee.expression);
    else if (ts.isPropertyAccessExpression(callee)) {
      modifiers.push(callee.name.text);
      callee = unwrap(callee.expression);
    } else break;
  }
  if (!ts.isIdentifier(callee) || !testNames.has(callee.text)) return false;
  // Skipped and todo tests are reported as skipped; `extend`, `scoped`… declare no test.
  return !modifiers.some((modifier) =>
    ['skip', 'todo', 'extend', 'scoped', 'override'].includes(modifier),
  );
}

/** Names that declare tests: `it`, `test`, and each `const x = test.extend(…)`. */
function testNamesOf(source: TypeScript.SourceFile): Set<string> {
  const names = new Set(['it', 'test']);
  const visit = (node: TypeScript.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer !== undefined
    ) {
      const text = node.initializer.getText(source);
      if (/^(?:it|test)\s*\.\s*extend\b/.test(text)) names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function titleOf(call: TypeScript.CallExpression, source: TypeScript.SourceFile): string {
  const [first] = call.arguments;
  if (first === undefined) return '(unnamed)';
  return isLiteralText(first) ? first.text : first.getText(source).slice(0, 60);
}

/** Whether a test that passed was declared by `call` (vitest places it inside the call). */
function passedWithin(
  call: TypeScript.CallExpression,
  source: TypeScript.SourceFile,
  lines: readonly number[],
): boolean {
  const first = locate(source, call.getStart(source)).line;
  const last = locate(source, call.getEnd()).line;
  return lines.some((line) => line >= first && line <= last);
}

/**
 * Tests that passed although their every assertion is on constants written in the test
 * (`expect(true).toBe(true)`, `expect(1 + 1).toBe(2)`), counting the assertions of the helpers
 * they call in the same file or through a relative import: such a test passes whatever the
 * feature does. Found with the TypeScript parser in the test files given, with the lines where
 * their passed tests are declared (absolute paths; findings name them relative to `projectRoot`).
 */
export function findTrivialTests(
  passed: ReadonlyMap<string, readonly number[]>,
  projectRoot: string,
): Finding[] {
  const scan = new AssertionScan();
  return [...passed].flatMap(([path, lines]) => {
    const file = lines.length === 0 ? undefined : scan.file(path);
    if (file === undefined) return [];
    const testNames = testNamesOf(file.source);
    const findings: Finding[] = [];
    const visit = (node: TypeScript.Node): void => {
      if (
        ts.isCallExpression(node) &&
        testCallOf(node, testNames) &&
        passedWithin(node, file.source, lines)
      ) {
        const callback = [...node.arguments]
          .reverse()
          .find((arg) => functionBody(arg) !== undefined);
        const body = functionBody(callback);
        const tally = body === undefined ? undefined : scan.tally(file, body);
        if (tally?.real === 0 && tally.constant > 0) {
          findings.push({
            rule: 'trivial-assertion',
            message: `"${titleOf(node, file.source)}": every assertion is on constants written in the test, so it passes whatever the feature does`,
            file: relative(projectRoot, path),
            ...locate(file.source, node.getStart(file.source)),
          });
        }
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(file.source);
    return findings;
  });
}
