import type TypeScript from 'typescript';
import type { FeatureKind } from '../pipeline/index.ts';
import { isLiteralText, locate, unwrap } from './script-source.ts';
import { ts } from './typescript-compiler.ts';
import type { Finding } from './types.ts';

/** Modules that start processes: Node's own, and the common wrappers around them. */
const processModules = new Set([
  'child_process',
  'node:child_process',
  'cluster',
  'node:cluster',
  'execa',
  'zx',
  'shelljs',
  'cross-spawn',
]);
/** Modules that compile and run strings as code. */
const codeModules = new Set(['vm', 'node:vm']);
/** Names through which a global such as `eval` is reached as a property. */
const globalObjects = new Set(['globalThis', 'global', 'window', 'self']);
const stringTimers = new Set(['setTimeout', 'setInterval', 'setImmediate']);
/** child_process functions that always run their command through a shell. */
const shellFunctions = new Set(['exec', 'execSync']);

/** A local name bound to a module of interest: the whole module (`*`) or one of its exports. */
interface Binding {
  readonly module: string;
  readonly member: string;
}

interface Scan {
  readonly source: TypeScript.SourceFile;
  readonly path: string;
  readonly library: boolean;
  readonly bindings: Map<string, Binding>;
  /** `const` names whose value is text built in the source. */
  readonly strings: Set<string>;
  readonly findings: Finding[];
}

function isWatchedModule(name: string): boolean {
  return processModules.has(name) || codeModules.has(name);
}

function report(scan: Scan, rule: string, node: TypeScript.Node, message: string): void {
  scan.findings.push({
    rule,
    message,
    file: scan.path,
    ...locate(scan.source, node.getStart(scan.source)),
  });
}

/** The module a call such as `require('x')`, `import('x')` or `getBuiltinModule('x')` loads. */
function loadedModule(node: TypeScript.Node): string | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const [first] = node.arguments;
  return first !== undefined && isLiteralText(first) && isWatchedModule(first.text)
    ? first.text
    : undefined;
}

/** What `expression` is, when it is a watched module or one of its exports. */
function bindingOf(scan: Scan, expression: TypeScript.Expression): Binding | undefined {
  const node = unwrap(expression);
  const loaded = loadedModule(node);
  if (loaded !== undefined) return { module: loaded, member: '*' };
  if (ts.isAwaitExpression(node)) return bindingOf(scan, node.expression);
  if (ts.isIdentifier(node)) return scan.bindings.get(node.text);
  const member = memberName(node);
  if (
    member !== undefined &&
    (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node))
  ) {
    const base = bindingOf(scan, node.expression);
    if (base?.member === '*' || base?.member === 'default') return { module: base.module, member };
  }
  return undefined;
}

function memberName(node: TypeScript.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && isLiteralText(node.argumentExpression)) {
    return node.argumentExpression.text;
  }
  return undefined;
}

function isStringLike(scan: Scan, expression: TypeScript.Expression): boolean {
  const node = unwrap(expression);
  if (isLiteralText(node) || ts.isTemplateExpression(node)) return true;
  if (ts.isTaggedTemplateExpression(node)) return node.tag.getText(scan.source) === 'String.raw';
  if (ts.isIdentifier(node)) return scan.strings.has(node.text);
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    (isStringLike(scan, node.left) || isStringLike(scan, node.right))
  );
}

/** `import type …`: erased when compiled, it loads nothing. */
function isTypeOnly(clause: TypeScript.ImportClause): boolean {
  return clause.phaseModifier === ts.SyntaxKind.TypeKeyword;
}

function bindImport(scan: Scan, declaration: TypeScript.ImportDeclaration): void {
  const { moduleSpecifier, importClause } = declaration;
  if (!isLiteralText(moduleSpecifier) || !isWatchedModule(moduleSpecifier.text)) return;
  if (importClause === undefined || isTypeOnly(importClause)) return;
  const module = moduleSpecifier.text;
  if (importClause.name !== undefined)
    scan.bindings.set(importClause.name.text, { module, member: '*' });
  const named = importClause.namedBindings;
  if (named === undefined) return;
  if (ts.isNamespaceImport(named)) {
    scan.bindings.set(named.name.text, { module, member: '*' });
    return;
  }
  for (const element of named.elements) {
    if (element.isTypeOnly) continue;
    const member = (element.propertyName ?? element.name).text;
    scan.bindings.set(element.name.text, { module, member });
  }
}

function bindVariable(scan: Scan, declaration: TypeScript.VariableDeclaration): void {
  const { name, initializer } = declaration;
  if (initializer === undefined) return;
  const constant = (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
  if (ts.isIdentifier(name) && constant && isStringLike(scan, initializer))
    scan.strings.add(name.text);
  const binding = bindingOf(scan, initializer);
  if (binding === undefined) return;
  if (ts.isIdentifier(name)) {
    scan.bindings.set(name.text, binding);
    return;
  }
  if (!ts.isObjectBindingPattern(name) || binding.member !== '*') return;
  for (const element of name.elements) {
    const key = element.propertyName ?? element.name;
    if (!ts.isIdentifier(element.name) || !(ts.isIdentifier(key) || isLiteralText(key))) continue;
    scan.bindings.set(element.name.text, { module: binding.module, member: key.text });
  }
}

/** Local names bound to watched modules, aliases of aliases included, and constant strings. */
function collectBindings(scan: Scan): void {
  const visit = (node: TypeScript.Node): void => {
    if (ts.isImportDeclaration(node)) bindImport(scan, node);
    else if (
      ts.isImportEqualsDeclaration(node) &&
      !node.isTypeOnly &&
      ts.isExternalModuleReference(node.moduleReference) &&
      isLiteralText(node.moduleReference.expression) &&
      isWatchedModule(node.moduleReference.expression.text)
    ) {
      scan.bindings.set(node.name.text, {
        module: node.moduleReference.expression.text,
        member: '*',
      });
    } else if (ts.isVariableDeclaration(node)) bindVariable(scan, node);
    ts.forEachChild(node, visit);
  };
  // Twice, so that an alias declared before what it aliases (in a function body) is bound too.
  visit(scan.source);
  visit(scan.source);
}

function reportModule(scan: Scan, node: TypeScript.Node, module: string): void {
  if (codeModules.has(module)) {
    report(
      scan,
      'dynamic-code',
      node,
      `imports ${module}, which compiles and runs strings as code`,
    );
  } else if (scan.library) {
    report(
      scan,
      'child-process',
      node,
      `imports ${module}: a library feature may not start processes (feature.kind is library)`,
    );
  }
}

function checkModuleReference(scan: Scan, node: TypeScript.Node): void {
  let specifier: TypeScript.Expression | undefined;
  if (ts.isImportDeclaration(node) && !(node.importClause && isTypeOnly(node.importClause))) {
    specifier = node.moduleSpecifier;
  } else if (ts.isExportDeclaration(node) && !node.isTypeOnly) specifier = node.moduleSpecifier;
  else if (
    ts.isImportEqualsDeclaration(node) &&
    ts.isExternalModuleReference(node.moduleReference)
  ) {
    specifier = node.moduleReference.expression;
  }
  if (specifier !== undefined && isLiteralText(specifier) && isWatchedModule(specifier.text)) {
    reportModule(scan, node, specifier.text);
  }
}

/** `x` in `x.eval`: the object a global is read from, when it is one of the global objects. */
function isGlobalObject(node: TypeScript.Expression): boolean {
  const inner = unwrap(node);
  return ts.isIdentifier(inner) && globalObjects.has(inner.text);
}

/** Whether an identifier is read as a value (not a property name, declaration, label or type). */
function isValueReference(node: TypeScript.Identifier): boolean {
  const { parent } = node;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isExpressionWithTypeArguments(parent) && ts.isHeritageClause(parent.parent)) {
    return parent.parent.token === ts.SyntaxKind.ExtendsKeyword;
  }
  if (
    ts.isQualifiedName(parent) ||
    ts.isTypeReferenceNode(parent) ||
    ts.isBindingElement(parent) ||
    ts.isImportSpecifier(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isBreakOrContinueStatement(parent)
  ) {
    return false;
  }
  // Declarations, property names, labels and enum members name things; they read nothing.
  return (parent as { readonly name?: unknown }).name !== node;
}

function isCallee(node: TypeScript.Node): boolean {
  let child = node;
  while (ts.isParenthesizedExpression(child.parent)) child = child.parent;
  const { parent } = child;
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === child;
}

/** `Function` read as a value: calling or aliasing it compiles strings; `instanceof` does not. */
function isHarmlessFunctionReference(node: TypeScript.Node): boolean {
  const { parent } = node;
  if (ts.isBinaryExpression(parent)) {
    return parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && parent.right === node;
  }
  return (
    ts.isPropertyAccessExpression(parent) &&
    parent.expression === node &&
    parent.name.text === 'prototype'
  );
}

/** `eval` and `Function`, read directly or from a global object, and the `.constructor` route. */
function checkCodeGlobals(scan: Scan, node: TypeScript.Node): void {
  let name: string | undefined;
  if (ts.isIdentifier(node) && isValueReference(node)) name = node.text;
  else if (
    (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
    isGlobalObject(node.expression)
  ) {
    name = memberName(node);
    if (name === undefined) {
      report(
        scan,
        'dynamic-code',
        node,
        `a computed property of ${node.expression.getText(scan.source)} can reach eval or Function`,
      );
      return;
    }
  }
  if (name === 'eval') {
    const how = isCallee(node)
      ? 'runs a string as code'
      : 'is read as a value (an indirect eval runs strings as code)';
    report(scan, 'dynamic-code', node, `\`${node.getText(scan.source)}\` ${how}`);
  } else if (name === 'Function' && !isHarmlessFunctionReference(node)) {
    const how = isCallee(node)
      ? 'compiles a string into a function'
      : 'is read as a value (calling it compiles strings into code)';
    report(scan, 'dynamic-code', node, `\`${node.getText(scan.source)}\` ${how}`);
  }
}

/** `(function () {}).constructor('code')` and `Object.getPrototypeOf(async () => {}).constructor`. */
function isFunctionConstructorRoute(callee: TypeScript.Expression): boolean {
  const node = unwrap(callee);
  if (memberName(node) !== 'constructor') return false;
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return false;
  const base = unwrap(node.expression);
  if (ts.isFunctionExpression(base) || ts.isArrowFunction(base)) return true;
  // `x.constructor.constructor`: the constructor of any constructor is Function.
  if (memberName(base) === 'constructor') return true;
  return (
    ts.isCallExpression(base) &&
    /^(?:Object|Reflect)\.getPrototypeOf$/.test(base.expression.getText())
  );
}

/** `Reflect.get(globalThis, 'eval')`, or with a key computed at run time. */
function isGlobalLookup(node: TypeScript.CallExpression | TypeScript.NewExpression): boolean {
  if (!ts.isCallExpression(node) || node.expression.getText() !== 'Reflect.get') return false;
  const [target, key] = node.arguments;
  if (target === undefined || key === undefined || !isGlobalObject(target)) return false;
  return !isLiteralText(key) || key.text === 'eval' || key.text === 'Function';
}

function calleeName(callee: TypeScript.Expression): string | undefined {
  const node = unwrap(callee);
  if (ts.isIdentifier(node)) return node.text;
  if (
    (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
    isGlobalObject(node.expression)
  ) {
    return memberName(node);
  }
  return undefined;
}

function optionIsOn(options: TypeScript.Expression | undefined, key: string): boolean {
  if (options === undefined) return false;
  const node = unwrap(options);
  if (!ts.isObjectLiteralExpression(node)) return false;
  return node.properties.some((property) => {
    if (ts.isShorthandPropertyAssignment(property)) return property.name.text === key;
    if (!ts.isPropertyAssignment(property)) return false;
    const name = property.name;
    if (!((ts.isIdentifier(name) || isLiteralText(name)) && name.text === key)) return false;
    return unwrap(property.initializer).kind !== ts.SyntaxKind.FalseKeyword;
  });
}

function checkDynamicLoad(scan: Scan, node: TypeScript.CallExpression): void {
  const [first] = node.arguments;
  const callee = unwrap(node.expression);
  const loads =
    node.expression.kind === ts.SyntaxKind.ImportKeyword ||
    (ts.isIdentifier(callee) && callee.text === 'require') ||
    ['require', 'getBuiltinModule'].includes(memberName(callee) ?? '') ||
    (ts.isCallExpression(callee) &&
      /(?:^|\.)createRequire$/.test(callee.expression.getText(scan.source)));
  if (!loads) return;
  if (first === undefined || isLiteralText(first)) return;
  report(
    scan,
    'dynamic-import',
    node,
    `\`${node.getText(scan.source).slice(0, 60)}\` loads a module named at run time`,
  );
}

function checkCall(scan: Scan, node: TypeScript.CallExpression | TypeScript.NewExpression): void {
  const args = node.arguments ?? ts.factory.createNodeArray<TypeScript.Expression>();
  const [first, second] = args;
  const loaded = loadedModule(node);
  if (loaded !== undefined) reportModule(scan, node, loaded);
  if (ts.isCallExpression(node)) checkDynamicLoad(scan, node);
  if (isGlobalLookup(node)) {
    report(
      scan,
      'dynamic-code',
      node,
      `\`${node.getText(scan.source).slice(0, 60)}\` can reach eval or Function`,
    );
  }
  if (isFunctionConstructorRoute(node.expression)) {
    report(
      scan,
      'dynamic-code',
      node,
      "a function's `constructor` is the Function constructor: this compiles a string into code",
    );
  }
  const name = calleeName(node.expression);
  if (
    name !== undefined &&
    stringTimers.has(name) &&
    first !== undefined &&
    isStringLike(scan, first)
  ) {
    report(scan, 'dynamic-code', node, `${name} with a string runs it as code`);
  }
  if (name === 'Worker' && optionIsOn(second, 'eval')) {
    report(scan, 'dynamic-code', node, 'a Worker with `eval: true` runs a string as code');
  }
  const binding = bindingOf(scan, node.expression);
  if (binding === undefined || !processModules.has(binding.module)) return;
  if (shellFunctions.has(binding.member) && first !== undefined && !isLiteralText(unwrap(first))) {
    report(
      scan,
      'shell-command',
      node,
      `${binding.member}() runs its command through a shell, and this command is built at run time: pass the program and its arguments to execFile or spawn instead`,
    );
  }
  if (args.some((arg) => optionIsOn(arg, 'shell'))) {
    report(
      scan,
      'shell-command',
      node,
      `\`shell\` is on: ${binding.member}() runs the command through a shell`,
    );
  }
}

/**
 * Code that runs strings or starts processes, found with the TypeScript parser: `eval` (direct,
 * indirect, or through a global object), the `Function` constructor (and the `.constructor`
 * route to it), the `vm` module, timers given a string, `Worker` with `eval: true`, modules
 * loaded by a name computed at run time, and, in a library, any import of a process module;
 * `exec` with a command built at run time and any `shell: true` option, through whatever
 * names the imports and aliases give those functions.
 */
export function findExecution(source: TypeScript.SourceFile, kind: FeatureKind): Finding[] {
  const scan: Scan = {
    source,
    path: source.fileName,
    library: kind === 'library',
    bindings: new Map(),
    strings: new Set(),
    findings: [],
  };
  collectBindings(scan);
  const visit = (node: TypeScript.Node): void => {
    checkModuleReference(scan, node);
    checkCodeGlobals(scan, node);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) checkCall(scan, node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return scan.findings;
}
