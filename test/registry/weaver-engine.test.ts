import { delimiter, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRegistry, type RegistryCheckResult } from '../../src/registry/index.ts';
import { isAlive } from '../support/process-tree.ts';
import { projectRoot, runCertify } from '../support/run-certify.ts';
import {
  writeHangingWeaver,
  writeWeaverStandIn as writeStandIn,
  type WeaverStandIn,
} from './support/weaver-stand-in.ts';

const standIns: WeaverStandIn[] = [];
function writeWeaverStandIn(options: { stdout: string; exitCode: number }): WeaverStandIn {
  const standIn = writeStandIn(options);
  standIns.push(standIn);
  return standIn;
}
afterAll(() => {
  for (const standIn of standIns) standIn.remove();
});

const registry = resolve(import.meta.dirname, 'fixtures/unresolved-attribute-ref');
const file = `${registry}/registry.yaml`;

/**
 * What `weaver registry check --diagnostic-format json` prints (Weaver 0.25): an array of
 * weaver_common `DiagnosticMessage` — the serde-serialized error (externally tagged, nested
 * through the resolver's FailToResolveDefinition; or a tagged policy violation) and miette's
 * fields (`severity` absent means error).
 */
const weaverJson = JSON.stringify([
  {
    error: {
      FailToResolveDefinition: {
        InvalidSpanMissingSpanKind: {
          path_or_url: file,
          group_id: 'span.shop.checkout.server',
          error: 'This group is a Span but the span_kind is not set.',
        },
      },
    },
    diagnostic: {
      message: "Invalid Span group 'span.shop.checkout.server', missing span_kind.",
      ansi_message: '…',
      severity: 'Warning',
    },
  },
  {
    error: {
      UnresolvedAttributeRef: {
        group_id: 'span.shop.checkout.server',
        attribute_ref: 'shop.order.idd',
        provenance: { registry_id: 'main', path: file },
      },
    },
    diagnostic: {
      message:
        "The following attribute reference is not resolved for the group 'span.shop.checkout.server'.",
      ansi_message: '…',
      labels: [{ label: 'here', span: { offset: 358, length: 14 }, primary: true }],
    },
  },
  {
    error: {
      type: 'policy_violation',
      provenance: file,
      violation: {
        id: 'invalid_format',
        level: 'violation',
        message: 'Attribute name must be lowercase.',
        context: { attribute_key: 'Shop.Id' },
      },
    },
    diagnostic: { message: 'policy violation', ansi_message: '…' },
  },
]);

function checked(result: RegistryCheckResult) {
  if (result.kind !== 'checked')
    throw new Error(`expected a check, got ${result.kind}: ${result.message}`);
  return result;
}

describe('the weaver engine, with a stand-in weaver', () => {
  it('runs weaver registry check with JSON diagnostics and maps them into certify diagnostics', async () => {
    const weaver = writeWeaverStandIn({ stdout: weaverJson, exitCode: 1 });
    const result = checked(
      await checkRegistry({ registry, engine: 'weaver', weaverPath: weaver.path }),
    );
    expect(weaver.lastArguments()).toEqual([
      'registry',
      'check',
      '-r',
      registry,
      '--diagnostic-format',
      'json',
    ]);
    expect(result.engine).toBe('weaver');
    expect(result.passed).toBe(false);
    expect(
      result.diagnostics.map((d) => [
        d.id,
        d.level,
        d.location?.line,
        d.location?.column,
        d.group,
        d.attribute,
      ]),
    ).toEqual([
      // Same place: by id, in code-unit order (upper case before lower case).
      ['InvalidSpanMissingSpanKind', 'warning', 1, 1, 'span.shop.checkout.server', undefined],
      ['invalid_format', 'error', 1, 1, undefined, 'Shop.Id'],
      ['UnresolvedAttributeRef', 'error', 16, 14, 'span.shop.checkout.server', 'shop.order.idd'],
    ]);
    expect(result.diagnostics.every((d) => d.location?.file === file)).toBe(true);
    expect(result.diagnostics[1]?.context).toEqual({ attribute_key: 'Shop.Id' });
  });

  it('passes --future, Rego policies and a clean result through', async () => {
    const weaver = writeWeaverStandIn({ stdout: '[]\n', exitCode: 0 });
    const result = checked(
      await checkRegistry({
        registry,
        engine: 'weaver',
        weaverPath: weaver.path,
        future: true,
        policies: ['policies/naming.rego'],
      }),
    );
    expect(weaver.lastArguments()).toEqual([
      '--future',
      'registry',
      'check',
      '-r',
      registry,
      '--diagnostic-format',
      'json',
      '-p',
      'policies/naming.rego',
    ]);
    expect([result.passed, result.diagnostics]).toEqual([true, []]);
  });

  it('adds builtin:otel findings to what weaver reports', async () => {
    const weaver = writeWeaverStandIn({ stdout: '', exitCode: 0 });
    const result = checked(
      await checkRegistry({
        registry: resolve(import.meta.dirname, 'fixtures/policy-span-id'),
        engine: 'weaver',
        weaverPath: weaver.path,
        policies: ['builtin:otel'],
      }),
    );
    expect(result.diagnostics.map((d) => d.id)).toEqual(['invalid_span_id']);
  });

  it('is chosen by auto when weaver is on PATH, and not otherwise', async () => {
    const weaver = writeWeaverStandIn({ stdout: '[]', exitCode: 0 });
    const onPath = checked(await checkRegistry({ registry, env: { PATH: weaver.dir } }));
    expect(onPath.engine).toBe('weaver');
    const without = checked(await checkRegistry({ registry, env: { PATH: '/nonexistent' } }));
    expect(without.engine).toBe('builtin');
  });

  it('reports weaver output it cannot read as an I/O problem, with weaver stderr', async () => {
    const weaver = writeWeaverStandIn({ stdout: 'panicked at src/main.rs', exitCode: 101 });
    const result = await checkRegistry({ registry, engine: 'weaver', weaverPath: weaver.path });
    expect(result.kind).toBe('io-error');
    expect(result.kind === 'io-error' && result.message).toMatch(
      /exited with 101 and its output is not the JSON array of diagnostics expected:\nWeaver Registry Check/,
    );
  });

  it('refuses --engine weaver when no weaver can be found', async () => {
    expect(
      await checkRegistry({ registry, engine: 'weaver', env: { PATH: '/nonexistent' } }),
    ).toEqual({
      kind: 'usage-error',
      message: '--engine weaver: no weaver binary on PATH; install it or give --weaver-path <file>',
    });
    const missing = await checkRegistry({ registry, weaverPath: '/nonexistent/weaver' });
    expect(missing.kind === 'usage-error' && missing.message).toBe(
      '--weaver-path /nonexistent/weaver is not an executable file',
    );
  });

  it('says a Rego policy needs the real weaver when only the built-in engine is available', async () => {
    const result = await checkRegistry({
      registry,
      policies: ['policies/naming.rego'],
      env: { PATH: '/nonexistent' },
    });
    expect(result.kind).toBe('usage-error');
    expect(result.kind === 'usage-error' && result.message).toContain(
      'the Rego policy policies/naming.rego needs the real weaver binary',
    );
  });

  it('maps weaver through the command line, found on PATH', async () => {
    const weaver = writeWeaverStandIn({ stdout: weaverJson, exitCode: 1 });
    const run = await runCertify(
      ['registry', 'check', '-r', registry, '--diagnostic-format', 'json'],
      {
        env: { PATH: `${weaver.dir}:${process.env.PATH ?? ''}` },
      },
    );
    expect(run.exitCode).toBe(1);
    const findings = JSON.parse(run.stdout) as { id: string; level: string }[];
    expect(findings.map((finding) => [finding.id, finding.level])).toEqual([
      ['InvalidSpanMissingSpanKind', 'improvement'],
      ['invalid_format', 'violation'],
      ['UnresolvedAttributeRef', 'violation'],
    ]);
    expect(run.stderr).toContain('(weaver engine)');
  });

  it('stops a weaver that hangs, and every process it started, on Ctrl-C: exit 130', async () => {
    const weaver = writeHangingWeaver();
    try {
      const child = execa(
        'node',
        [resolve(projectRoot, 'bin/certify.js'), 'registry', 'check', '-r', registry],
        {
          env: { PATH: `${weaver.dir}${delimiter}${process.env.PATH ?? ''}` },
          reject: false,
        },
      );
      await expect.poll(() => weaver.pids(), { timeout: 10_000 }).toHaveLength(2);
      child.kill('SIGINT');
      const run = await child;
      expect(run.exitCode).toBe(130);
      expect(run.stderr).toContain('interrupted');
      const pids = weaver.pids();
      await expect.poll(() => pids.filter(isAlive), { timeout: 5_000 }).toEqual([]);
    } finally {
      weaver.remove();
    }
  });
});
