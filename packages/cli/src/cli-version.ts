// The CLI's version, set by the bundle (scripts/bundle.mjs); "0.0.0-dev" when run from source.
declare const __CLI_VERSION__: string;

export const cliVersion = typeof __CLI_VERSION__ === "string" ? __CLI_VERSION__ : "0.0.0-dev";
