// Pins fast-check's seed for every property test (vitest runs this before each test file), so
// a run generates the same cases everywhere. On a failure fast-check prints the seed and the
// counterexample's path; FC_SEED=<n> picks another seed to explore by hand.

import fc from "fast-check";

// The seed property tests run with unless FC_SEED says otherwise.
const PROPERTY_TEST_SEED = 20251128;

function seedFromEnvironment(): number {
  const text = process.env.FC_SEED;
  if (text === undefined || text.trim() === "") return PROPERTY_TEST_SEED;
  const seed = Number(text);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, not '${text}'`);
  return seed;
}

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: seedFromEnvironment() });
