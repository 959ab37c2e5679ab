// `batch profile set [name]` (and `batch configure`): saves account settings as a named profile.
import type { CommandModule } from "yargs";
import { readConfig, writeConfig } from "../../account/config-store.js";
import { keyFromStdin, readKeyFromStdin } from "../../account/key-from-stdin.js";
import { keyOnCommandLineWarning } from "../../account/key-warning.js";
import { normalizeEndpoint } from "../../account/resolve-account.js";
import { sharedKeyCredential } from "../../client/shared-key.js";
import { usageError } from "../../errors/cli-error.js";
import type { CliRuntime } from "../command-context.js";
import type { GlobalArgs } from "../global-args.js";
import { runHandler } from "../run-handler.js";
import { redactedProfile } from "./redacted-profile.js";

interface ProfileSetArgs {
  name: string;
  default?: boolean;
}

export function profileSetCommand(
  runtime: CliRuntime,
  command = "set [name]",
): CommandModule<GlobalArgs, ProfileSetArgs & GlobalArgs> {
  return {
    command,
    describe: "Save account settings as a named profile (file mode 0600)",
    builder: (yargs) =>
      yargs
        .positional("name", { type: "string", default: "default", describe: "Profile name" })
        .option("default", {
          type: "boolean",
          describe: "Make it the profile used when none is named",
        })
        .example(
          "$0 profile set prod --account-endpoint https://acct.westus.batch.azure.com --account-name acct --account-key - < key.txt",
          "Save a profile, reading the key from stdin",
        )
        .example(
          "$0 profile set dev --account-endpoint http://127.0.0.1:10000 --account-name devaccount --default",
          "Save a default profile without a key (the key then comes from AZURE_BATCH_ACCESS_KEY)",
        ) as never,
    handler: runHandler<ProfileSetArgs>(runtime, async (args, context) => {
      if (!/^[A-Za-z0-9_.-]{1,64}$/.test(args.name)) {
        throw usageError(
          `profile names use letters, digits, "_", "-" and ".", not "${args.name}"`,
          "InvalidInput",
        );
      }
      let accountKey = args.accountKey;
      if (accountKey === keyFromStdin) {
        accountKey = await readKeyFromStdin(context.io.stdin);
      } else if (accountKey !== undefined) {
        context.warn(keyOnCommandLineWarning);
      }
      // Refused now rather than on the profile's first use.
      if (accountKey !== undefined) sharedKeyCredential("account", accountKey, "--account-key");
      const config = readConfig(context.io.env);
      const previous = config.profiles[args.name];
      const given = [args.accountEndpoint, args.accountName, accountKey, args.auth];
      // A profile without settings would only become a default that fails later; making an
      // existing profile the default is the one change that needs no setting.
      if (given.every((value) => value === undefined) && !(previous && args.default)) {
        throw usageError(
          `no settings to save in profile "${args.name}": give --account-endpoint, --account-name, --account-key or --auth`,
          "InvalidInput",
        );
      }
      const profile = {
        ...(previous ?? {}),
        ...(args.accountEndpoint === undefined
          ? {}
          : { endpoint: normalizeEndpoint(args.accountEndpoint) }),
        ...(args.accountName === undefined ? {} : { accountName: args.accountName }),
        ...(accountKey === undefined ? {} : { accountKey }),
        ...(args.auth === undefined ? {} : { auth: args.auth }),
      };
      config.profiles[args.name] = profile;
      if (args.default === true || config.defaultProfile === undefined)
        config.defaultProfile = args.name;
      const path = await writeConfig(context.io.env, config);
      context.note(`saved profile "${args.name}" in ${path}`);
      await context.output.value(
        redactedProfile(args.name, profile, config.defaultProfile === args.name),
      );
      return undefined;
    }),
  };
}
