#!/usr/bin/env node
// certify runs from its TypeScript sources, so a clone never holds a stale build: the types are
// stripped as each file loads (see typescript-hooks.js).
import './typescript-register.js';

await import('../src/cli/main.ts');
