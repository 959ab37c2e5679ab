// `batch profile ...`: named account settings kept in the config file.
import type { CommandModule } from "yargs";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { profileDeleteCommand } from "./profile-delete.js";
import { profileListCommand } from "./profile-list.js";
import { profileSetCommand } from "./profile-set.js";
import { profileShowCommand } from "./profile-show.js";

export function profileCommand(runtime: CliRuntime): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: "profile <command>",
    describe: "Manage named account profiles",
    builder: (yargs) =>
      yargs
        .command(profileSetCommand(runtime) as never)
        .command(profileListCommand(runtime) as never)
        .command(profileShowCommand(runtime) as never)
        .command(profileDeleteCommand(runtime) as never)
        .demandCommand(1)
        .example(
          "$0 profile set dev --account-endpoint http://127.0.0.1:10000 --account-name devaccount",
          "Save a profile",
        ),
    handler: () => undefined,
  };
}
