// The options every command accepts, defined once on the root program.
import type { Argv } from "yargs";
import type { AuthMode } from "../account/config-store.js";
import { type OutputFormat, outputFormats } from "../output/output-format.js";
import { numberFlag, numberRules } from "./number-flag.js";

export interface GlobalArgs {
  output?: OutputFormat | undefined;
  query?: string | undefined;
  verbose: boolean;
  quiet: boolean;
  accountEndpoint?: string | undefined;
  accountName?: string | undefined;
  accountKey?: string | undefined;
  auth?: AuthMode | undefined;
  profile?: string | undefined;
  maxRetries?: number | undefined;
  clientTimeout?: number | undefined;
}

export function withGlobalOptions(yargs: Argv): Argv<GlobalArgs> {
  return yargs
    .option("output", {
      alias: "o",
      choices: outputFormats,
      describe: "Output format (default: table on a terminal, json otherwise)",
      group: "Output:",
    })
    .option("query", {
      type: "string",
      describe: "JMESPath query applied to the result (https://jmespath.org)",
      group: "Output:",
    })
    .option("verbose", {
      type: "boolean",
      default: false,
      describe: "Print each request and response (secrets redacted) on stderr",
      group: "Output:",
    })
    .option("quiet", {
      alias: "q",
      type: "boolean",
      default: false,
      describe: "No progress bars or notes on stderr; errors are still printed",
      group: "Output:",
    })
    .option("account-endpoint", {
      type: "string",
      describe: "Batch account URL [env: AZURE_BATCH_ENDPOINT]",
      group: "Account:",
    })
    .option("account-name", {
      type: "string",
      describe: "Batch account name [env: AZURE_BATCH_ACCOUNT]",
      group: "Account:",
    })
    .option("account-key", {
      type: "string",
      describe:
        "Shared Key; - reads it from standard input; prefer the environment or a profile [env: AZURE_BATCH_ACCESS_KEY]",
      group: "Account:",
    })
    .option("auth", {
      choices: ["sharedkey", "entra"] as const,
      describe:
        "Authentication: account Shared Key, or Microsoft Entra ID through @azure/identity [env: BATCH_AUTH]",
      group: "Account:",
    })
    .option("profile", {
      type: "string",
      describe: "Named profile from the config file [env: BATCH_PROFILE]",
      group: "Account:",
    })
    .option(
      "max-retries",
      numberFlag("max-retries", numberRules.maxRetries, {
        describe:
          "Retries of a failed request (throttling, 5xx, no answer); default 4 [env: BATCH_MAX_RETRIES]",
        group: "Account:",
      }),
    )
    .option(
      "client-timeout",
      numberFlag("client-timeout", numberRules.clientTimeout, {
        describe:
          "Seconds to wait for each attempt's answer before giving up on it (0: no limit); default --timeout + 10 when --timeout is given, else the client's 130 [env: BATCH_CLIENT_TIMEOUT]",
        group: "Account:",
      }),
    ) as unknown as Argv<GlobalArgs>;
}
