// `batch profile list`: the saved profiles, keys redacted.
import type { CommandModule } from "yargs";
import { readConfig } from "../../account/config-store.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { runHandler } from "../run-handler.js";
import { redactedProfile } from "./redacted-profile.js";

export function profileListCommand(runtime: CliRuntime): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: "list",
    aliases: ["ls"],
    describe: "List the saved profiles (keys are never shown)",
    builder: (yargs) => yargs.example("$0 profile list -o table", "Show profiles as a table"),
    handler: runHandler(runtime, async (_args, context) => {
      const config = readConfig(context.io.env);
      await context.output.value(
        Object.entries(config.profiles).map(([name, profile]) =>
          redactedProfile(name, profile, name === config.defaultProfile),
        ),
      );
      return undefined;
    }),
  };
}
