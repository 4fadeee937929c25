/**
 * A whole certification: pipeline file → runner (tiers → steps → results) → report → signed
 * attestation, written to the reports folder. `certify` (the command) is a thin layer over it.
 */
export { certify } from './certify.ts';
export type { CertificationFiles, CertificationOptions, CertificationOutcome } from './types.ts';
