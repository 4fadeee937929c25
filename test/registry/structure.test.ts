import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshSchemaErrors, schemaErrors } from '../../src/registry/structure/index.ts';
import { readYamlFile } from '../../src/yaml/index.ts';
import { projectRoot } from '../support/run-certify.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures');

describe('schema validation kept as code between runs', () => {
  it('judges every fixture exactly as a fresh ajv compile does', async () => {
    const files = readdirSync(fixtures, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.yaml'));
    let compared = 0;
    for (const file of files) {
      const read = await readYamlFile(join(fixtures, file));
      if (!read.ok) continue;
      const format =
        (read.document.value as { file_format?: unknown }).file_format === 'definition/2' ? 2 : 1;
      const summary = (errors: ReturnType<typeof schemaErrors>) =>
        errors.map(
          (error) => `${error.keyword} ${error.instancePath} ${JSON.stringify(error.params)}`,
        );
      expect(summary(schemaErrors(format, read.document.value)), file).toEqual(
        summary(freshSchemaErrors(format, read.document.value)),
      );
      compared += 1;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('keeps the compiled schemas in node_modules/.cache/certify', () => {
    schemaErrors(1, {});
    const cache = join(projectRoot, 'node_modules', '.cache', 'certify');
    const names = existsSync(cache) ? readdirSync(cache) : [];
    expect(names.some((name) => /^registry-schemas-[0-9a-f]{16}\.cjs$/.test(name))).toBe(true);
  });
});
