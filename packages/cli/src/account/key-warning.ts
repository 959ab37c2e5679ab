// The warning printed when an account key is typed on the command line, where other users can
// see it in the process list and it stays in the shell history.
export const keyOnCommandLineWarning =
  "an account key on the command line is visible to other users and kept in shell history; use AZURE_BATCH_ACCESS_KEY or a profile (`--account-key -` reads it from standard input)";
