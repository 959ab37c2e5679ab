// Every operation end to end over loopback: a real emulator, reached with the global fetch.
import { loopbackTargets } from "../test-support/integration-target.js";
import { describeOperations } from "../test-support/operations-suite.js";

describeOperations("loopback, global fetch", loopbackTargets("fetch"));
