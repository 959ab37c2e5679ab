// Every operation end to end over loopback: a real emulator, reached with the node:http transport.
import { loopbackTargets } from "../test-support/integration-target.js";
import { describeOperations } from "../test-support/operations-suite.js";

describeOperations("loopback, node:http transport", loopbackTargets("node-http"));
