// Entry point of the bundled `batch` command: builds the yargs program and runs it.
import yargs from "yargs";
import { hideBin } from "yargs/helpers";

declare const __CLI_VERSION__: string;

await yargs(hideBin(process.argv))
  .scriptName("batch")
  .version(__CLI_VERSION__)
  .strict()
  .demandCommand(1, "Choose a command; see `batch --help`.")
  .help()
  .parseAsync();
