// The exit statuses of `batch`, one per kind of outcome, so scripts can branch on them.
// The README's table lists the same values; keep the two in step.
export const ExitCode = {
  ok: 0,
  /** Anything not covered below: a service error (5xx), an unreachable endpoint, a bug. */
  general: 1,
  /** Bad command line or bad input: unknown flag, malformed file or endpoint, a request the service rejected as invalid (400, 413). */
  usage: 2,
  /** No usable account settings or credential (a key that is not base64), or the service refused them (401, 403). */
  auth: 3,
  /** The job, task (404) or profile does not exist; no task matches `task wait --filter`. */
  notFound: 4,
  /** The resource exists or is in the wrong state, or a condition header was not met (409, 412, 304). */
  conflict: 5,
  /** Throttled (429, 503) or out of time (408, a client time-out, `task wait --timeout`). */
  throttledOrTimedOut: 6,
  /** The command ran, but some tasks failed: not added by add-collection, or failed in `task wait`. */
  tasksFailed: 7,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM. */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
