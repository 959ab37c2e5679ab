// The service's limits, in one place: the defaults every layer takes its numbers from (the
// service's rules, the HTTP body reader, the emulator's socket reader, fault injection), and
// which a service can lower or raise with its `limits` option.

export interface ServiceLimits {
  /** Most tasks one Task_AddCollection may carry (the service allows 100). */
  maxTasksPerCollection: number;
  /** Request bodies of this many bytes or more are refused with 413 RequestBodyTooLarge. */
  maxRequestBodyBytes: number;
  /** Largest (and default) page of a list. */
  maxPageSize: number;
}

export const DEFAULT_LIMITS: Readonly<ServiceLimits> = Object.freeze({
  maxTasksPerCollection: 100,
  maxRequestBodyBytes: 1024 * 1024,
  maxPageSize: 1000,
});
