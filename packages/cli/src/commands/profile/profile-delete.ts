// `batch profile delete <name>`.
import type { CommandModule } from "yargs";
import { readConfig, writeConfig } from "../../account/config-store.js";
import { profileNotFound } from "../../account/resolve-account.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { runHandler } from "../run-handler.js";

interface ProfileDeleteArgs {
  name: string;
}

export function profileDeleteCommand(
  runtime: CliRuntime,
): CommandModule<GlobalArgs, ProfileDeleteArgs & GlobalArgs> {
  return {
    command: "delete <name>",
    aliases: ["rm"],
    describe: "Delete a saved profile",
    builder: (yargs) =>
      yargs
        .positional("name", { type: "string", demandOption: true, describe: "Profile name" })
        .example("$0 profile delete old", "Forget the profile named old") as never,
    handler: runHandler<ProfileDeleteArgs>(runtime, async (args, context) => {
      const config = readConfig(context.io.env);
      if (config.profiles[args.name] === undefined) {
        throw profileNotFound(args.name);
      }
      delete config.profiles[args.name];
      if (config.defaultProfile === args.name) delete config.defaultProfile;
      await writeConfig(context.io.env, config);
      await context.output.value({ deleted: args.name });
      return undefined;
    }),
  };
}
