// Module hooks (registered by index.js) that let Node run certify's TypeScript
// sources: esbuild strips the types (the code uses erasable syntax only) and the output is cached
// under node_modules/.cache/certify/ts, named after a hash of the source, its path, tsconfig.json
// and the esbuild and Node versions, so a run can never see stale output. esbuild is loaded only
// when a file is not in the cache yet. tsx works the same way but loads itself and esbuild on
// every start, in both threads: about 0.4 s of CPU, which made every command slow to start and
// kept `certify registry check` over its one-second goal.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(projectRoot, 'node_modules', '.cache', 'certify', 'ts');
const require = createRequire(import.meta.url);
/** Bumped when the transform options below change, so older output is not reused. */
const optionsVersion = '1';
/** `.ts` and `.mts` are ES modules here (package.json has "type": "module"). */
const typeScriptUrl = /^file:.*\.m?ts$/;

/** @type {{ readonly tsconfig: string, readonly keyBase: string } | undefined} */
let inputs;
/** @type {typeof import('esbuild') | undefined} */
let esbuild;

/** The transform's inputs besides the file itself, read once per process. */
function sharedInputs() {
  if (inputs === undefined) {
    const tsconfig = readFileSync(join(projectRoot, 'tsconfig.json'), 'utf8');
    const esbuildPackage = readFileSync(require.resolve('esbuild/package.json'), 'utf8');
    const { version } = /** @type {{ version: string }} */ (JSON.parse(esbuildPackage));
    const keyBase = JSON.stringify([optionsVersion, version, process.versions.node, tsconfig]);
    inputs = { tsconfig, keyBase };
  }
  return inputs;
}

/**
 * Cached output is only ever added (renamed into place), so a file seen is a file read.
 * @param {string} path
 */
function readCached(path) {
  return statSync(path, { throwIfNoEntry: false }) === undefined
    ? undefined
    : readFileSync(path, 'utf8');
}

/**
 * Writes atomically (a temporary file, then rename), so a concurrent run never reads half a file.
 * A read-only or full disk only means no cache.
 * @param {string} path
 * @param {string} code
 */
function store(path, code) {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${String(process.pid)}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, path);
  } catch (error) {
    // Plain JavaScript, loaded before any TypeScript can be: it cannot use src/common's errno.
    const { code } = /** @type {NodeJS.ErrnoException} */ (error);
    if (code !== 'EACCES' && code !== 'EROFS' && code !== 'ENOSPC' && code !== 'EPERM') throw error;
  }
}

/**
 * @param {string} source
 * @param {string} file
 */
async function transform(source, file) {
  esbuild ??= /** @type {typeof import('esbuild')} */ (require('esbuild'));
  const result = await esbuild.transform(source, {
    loader: 'ts',
    format: 'esm',
    target: `node${process.versions.node}`,
    sourcemap: 'inline',
    sourcefile: file,
    tsconfigRaw: sharedInputs().tsconfig,
  });
  return result.code;
}

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!typeScriptUrl.test(url)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256')
    .update(`${sharedInputs().keyBase}\0${file}\0`)
    .update(source)
    .digest('hex');
  const cached = join(cacheDir, `${key.slice(0, 32)}.js`);
  let code = readCached(cached);
  if (code === undefined) {
    code = await transform(source, file);
    store(cached, code);
  }
  return { format: 'module', source: code, shortCircuit: true };
}
