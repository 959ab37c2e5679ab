// Every operation end to end in process: msw serves @batch/testing's handlers to the client's
// default transport, the global fetch, and checks every Shared Key signature.
import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import { inProcessTargets } from "../test-support/integration-target.js";
import { describeOperations } from "../test-support/operations-suite.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describeOperations("in process, global fetch", inProcessTargets(server));
