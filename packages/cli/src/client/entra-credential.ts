// `--auth entra`: a token credential from @azure/identity, an optional peer dependency that is
// never bundled. It is imported at run time from wherever Node finds it next to the CLI.
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";

export interface TokenCredentialLike {
  getToken(
    scopes: string | string[],
  ): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

// A variable keeps bundlers from trying to resolve the package at build time.
const identityPackage = "@azure/identity";

// In the bundle the CLI runs as a CommonJS function with a `require` bound to dist/batch.mjs
// (see loader/batch-loader.ts), which finds a package installed next to it, an ES module one
// too (Node 20.19+ loads those through require); the vm's own import() would resolve from the
// working folder instead. Elsewhere (tests, unbundled) an ES import does.
async function loadPackage(specifier: string): Promise<unknown> {
  return typeof require === "function" ? require(specifier) : import(specifier);
}

export async function entraCredential(
  load: (specifier: string) => Promise<unknown> = loadPackage,
): Promise<TokenCredentialLike> {
  let identity: { DefaultAzureCredential?: new () => TokenCredentialLike };
  try {
    identity = (await load(identityPackage)) as typeof identity;
  } catch (error) {
    throw new CliError(
      `--auth entra needs the optional package @azure/identity: install it next to batch (npm install -g @azure/identity) (${(error as Error).message.split("\n")[0]})`,
      { exitCode: ExitCode.auth, code: "MissingDependency" },
    );
  }
  if (identity.DefaultAzureCredential === undefined) {
    throw new CliError("@azure/identity does not export DefaultAzureCredential", {
      exitCode: ExitCode.auth,
      code: "MissingDependency",
    });
  }
  return new identity.DefaultAzureCredential();
}
