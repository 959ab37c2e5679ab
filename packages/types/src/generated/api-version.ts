// Generated from spec/batch.openapi.yaml by packages/types/scripts/generate.mjs.
// Do not edit by hand: change the spec and run `pnpm generate`.

/** The Batch service api-version these types were generated from. */
export const apiVersion = "2025-06-01" as const;
