// Vitest settings of @batch/testing: every test file first pins fast-check's seed, so property
// tests generate the same cases on every run and machine.

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    setupFiles: ["./src/property-seed.fixture.ts"],
  },
});
