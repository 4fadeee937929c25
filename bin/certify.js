#!/usr/bin/env node
// certify runs from its TypeScript sources through tsx, so a clone never holds a stale build.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
