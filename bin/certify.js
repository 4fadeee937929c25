#!/usr/bin/env node
// certify runs from its TypeScript sources, so a clone never holds a stale build: the types are
// stripped as each file loads (see src/typescript-loader/hooks.js).
import '../src/typescript-loader/index.js';

await import('../src/cli/main.ts');
