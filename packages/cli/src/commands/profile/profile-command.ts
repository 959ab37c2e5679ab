// `batch profile ...`: named account settings kept in the config file.
import type { CliRuntime } from "../command-context.js";
import { commandGroup } from "../command-group.js";
import { profileDeleteCommand } from "./profile-delete.js";
import { profileListCommand } from "./profile-list.js";
import { profileSetCommand } from "./profile-set.js";
import { profileShowCommand } from "./profile-show.js";

export function profileCommand(runtime: CliRuntime) {
  return commandGroup(runtime, {
    name: "profile",
    describe: "Manage named account profiles",
    commands: () => [
      profileSetCommand(runtime),
      profileListCommand(runtime),
      profileShowCommand(runtime),
      profileDeleteCommand(runtime),
    ],
    examples: [
      [
        "$0 profile set dev --account-endpoint http://127.0.0.1:10000 --account-name devaccount",
        "Save a profile",
      ],
    ],
  });
}
