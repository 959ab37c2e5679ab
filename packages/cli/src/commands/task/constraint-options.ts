// The flags for a task's constraints, offered alike by `task add` and `task update`;
// input/task-from-flags.ts turns them into the service's TaskConstraints.
import type { Argv } from "yargs";
import { numberFlag, numberRules } from "../number-flag.js";

export interface ConstraintArgs {
  maxWallClockTime?: string | undefined;
  retentionTime?: string | undefined;
  maxTaskRetryCount?: number | undefined;
}

export function withConstraintOptions<T>(yargs: Argv<T>, group: string): Argv<T & ConstraintArgs> {
  return yargs
    .option("max-wall-clock-time", {
      type: "string",
      describe: "Longest run time, e.g. 2h or PT2H",
      group,
    })
    .option("retention-time", {
      type: "string",
      describe: "How long to keep the task's files, e.g. 7d",
      group,
    })
    .option(
      "max-task-retry-count",
      numberFlag("max-task-retry-count", numberRules.maxTaskRetryCount, {
        describe: "Retries after a failure; -1 for no limit",
        group,
      }),
    ) as unknown as Argv<T & ConstraintArgs>;
}
