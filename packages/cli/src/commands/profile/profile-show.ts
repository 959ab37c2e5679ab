// `batch profile show [name]`: one profile, key redacted.
import type { CommandModule } from "yargs";
import { readConfig } from "../../account/config-store.js";
import { profileNotFound } from "../../account/resolve-account.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { runHandler } from "../run-handler.js";
import { redactedProfile } from "./redacted-profile.js";

interface ProfileShowArgs {
  name?: string;
}

export function profileShowCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, ProfileShowArgs & GlobalArgs> {
  return {
    command: "show [name]",
    aliases: ["get"],
    describe: "Show one profile (the default one when no name is given)",
    builder: (yargs) =>
      yargs
        .positional("name", { type: "string", describe: "Profile name" })
        .example("$0 profile show prod", "Show the profile named prod") as never,
    handler: runHandler<ProfileShowArgs>(runtime, async (args, context) => {
      const config = readConfig(context.io.env);
      const name = args.name ?? config.defaultProfile ?? "default";
      const profile = config.profiles[name];
      if (profile === undefined) {
        throw profileNotFound(name);
      }
      await context.output.value(redactedProfile(name, profile, name === config.defaultProfile));
      return undefined;
    }),
  };
}
