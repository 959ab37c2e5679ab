// The fault injection layer: seeded, reproducible faults that plug into the handlers'
// operation middleware hook.

export {
  createFaultInjector,
  type FaultEvent,
  type FaultInjector,
  type FaultInjectorContext,
  type FaultStats,
} from "./fault-injector.js";
export { type FaultOption, isFaultInjector, resolveFaultOption } from "./fault-option.js";
export {
  FAULT_KINDS,
  type FaultKind,
  type FaultOptions,
  FaultOptionsError,
  type FaultRules,
} from "./fault-options.js";
