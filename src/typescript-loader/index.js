// Imported by bin/certify.js and the TypeScript session's worker, preloaded (`node --import`) by
// the bench's case processes: lets Node run certify's TypeScript sources through the hooks in
// hooks.js, with stack traces pointing into the .ts files through the inline source maps.
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('./hooks.js', import.meta.url);
