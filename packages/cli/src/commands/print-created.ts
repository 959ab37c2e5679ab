// What `task add` and `job create` print: the new task or job read back from the service, as az
// does. The add has happened by then, so a failed read-back never reports the add as failed:
// the command still succeeds, prints what the add's answer said (ids, ETag, request id), and
// warns on one line that the full resource could not be shown.
import { formatErrorLine } from "../errors/format-error-line.js";
import type { TableView } from "../output/table-view.js";
import { describeWrite, type WriteResultLike } from "../output/write-result.js";
import type { CommandContext } from "./command-context.js";

export interface Created {
  /** How the warning names what was created, e.g. "task t1 of job j1". */
  name: string;
  identity: Record<string, unknown>;
  write: WriteResultLike;
  readBack: () => Promise<unknown>;
  view: TableView;
}

export async function printCreated(context: CommandContext, created: Created): Promise<void> {
  let resource: unknown;
  try {
    resource = await created.readBack();
  } catch (error) {
    const reason = formatErrorLine(error).replace(/^error: /, "");
    context.warn(`${created.name} was created, but reading it back failed: ${reason}`);
    await context.output.value(describeWrite(created.identity, created.write), undefined);
    return;
  }
  await context.output.value(resource, created.view);
}
