// Generated from package.json by scripts/write-version.mjs when the package is built; do not
// edit. The published version of @batch/client, sent in the user-agent.
export const clientVersion = "0.0.0";
