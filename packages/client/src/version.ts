// The published version of @batch/client, sent in the user-agent. A test keeps it equal to
// package.json's version.
export const clientVersion = "0.0.0";
