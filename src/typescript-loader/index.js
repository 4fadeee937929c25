// Preloaded by bin/certify.js (and usable with `node --import`): lets Node run certify's
// TypeScript sources through the hooks in typescript-hooks.js, with stack traces pointing into
// the .ts files through the inline source maps.
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('./typescript-hooks.js', import.meta.url);
