import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { Ajv, ErrorObject } from 'ajv';
import { errnoCodeOf } from '../../common/index.ts';
import { definitionV1Schema } from './schema-v1.ts';
import { definitionV2Schema } from './schema-v2.ts';

/**
 * Schema validation with ajv, compiled once and kept as code. A registry check has a one-second
 * budget, and importing ajv and compiling both schemas costs about a third of it, every run. So
 * the first run writes ajv's standalone code for the schemas to `node_modules/.cache/certify/`,
 * named after a hash of the schemas, the options and ajv's version (so it can never be stale),
 * and later runs load that small module instead of ajv.
 */
const require = createRequire(import.meta.url);

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
interface Validators {
  readonly v1: Validate;
  readonly v2: Validate;
}

const ajvOptions = {
  allErrors: true, // every unknown key, not only the first
  verbose: true, // offending values and parent schemas, for the messages
  allowUnionTypes: true,
  validateSchema: false, // our own schemas, trusted
  inlineRefs: false,
  messages: false, // certify words its messages itself
  code: { source: true, optimize: true },
} as const;

const projectRoot = resolve(import.meta.dirname, '../../..');

function cachePath(): string {
  const { version } = require('ajv/package.json') as { version: string };
  const key = JSON.stringify([definitionV1Schema, definitionV2Schema, ajvOptions, version]);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return join(projectRoot, 'node_modules', '.cache', 'certify', `registry-schemas-${hash}.cjs`);
}

function isValidators(value: unknown): value is Validators {
  if (value === null || typeof value !== 'object') return false;
  const { v1, v2 } = value as Record<string, unknown>;
  return typeof v1 === 'function' && typeof v2 === 'function';
}

function loadCached(path: string): Validators | undefined {
  try {
    const loaded: unknown = require(path);
    return isValidators(loaded) ? loaded : undefined;
  } catch (error: unknown) {
    if (errnoCodeOf(error) === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** Writes the cache atomically, dropping older versions; a read-only or full disk only means no cache. */
function store(path: string, code: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${String(process.pid)}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, path);
    for (const name of readdirSync(dirname(path))) {
      if (/^registry-schemas-\w+\.cjs$/.test(name) && name !== basename(path)) {
        rmSync(join(dirname(path), name), { force: true });
      }
    }
  } catch (error: unknown) {
    const code = errnoCodeOf(error);
    if (code !== 'EACCES' && code !== 'EROFS' && code !== 'ENOSPC' && code !== 'EPERM') throw error;
  }
}

/** Compiles with ajv (loaded only now); writes the standalone code to `cacheAt` when given. */
function compile(cacheAt: string | undefined): Validators {
  const { Ajv: AjvConstructor } = require('ajv') as { Ajv: typeof Ajv };
  const standalone = require('ajv/dist/standalone') as {
    default: (ajv: Ajv, refs: Record<string, string>) => string;
  };
  const ajv = new AjvConstructor(ajvOptions);
  ajv.addSchema(definitionV1Schema).addSchema(definitionV2Schema);
  if (cacheAt !== undefined) {
    const refs = { v1: definitionV1Schema.$id, v2: definitionV2Schema.$id };
    store(cacheAt, standalone.default(ajv, refs));
  }
  const v1 = ajv.getSchema(definitionV1Schema.$id);
  const v2 = ajv.getSchema(definitionV2Schema.$id);
  if (v1 === undefined || v2 === undefined) throw new Error('ajv lost a schema it was given');
  return { v1, v2 };
}

let validators: Validators | undefined;

function loadValidators(): Validators {
  if (validators === undefined) {
    const path = cachePath();
    validators = loadCached(path) ?? compile(path);
  }
  return validators;
}

/** Validates a parsed file against certify's schema for its format; returns ajv's errors. */
export function schemaErrors(format: 1 | 2, value: unknown): readonly ErrorObject[] {
  const validate = format === 1 ? loadValidators().v1 : loadValidators().v2;
  return validate(value) ? [] : (validate.errors ?? []);
}

/** Compiles afresh, without the cache (to check that both paths judge alike). */
let fresh: Validators | undefined;

export function freshSchemaErrors(format: 1 | 2, value: unknown): readonly ErrorObject[] {
  fresh ??= compile(undefined);
  const validate = format === 1 ? fresh.v1 : fresh.v2;
  return validate(value) ? [] : (validate.errors ?? []);
}
