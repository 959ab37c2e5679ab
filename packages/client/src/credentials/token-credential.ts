// The token credential shape of @azure/identity, declared here so that any implementation
// (DefaultAzureCredential, a managed identity, a test fake) works without depending on it.

export interface AccessToken {
  token: string;
  /** When the token expires, in milliseconds since the epoch. */
  expiresOnTimestamp: number;
}

export interface GetTokenOptions {
  abortSignal?: AbortSignal | undefined;
}

export interface TokenCredential {
  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null>;
}

/** The Entra ID scope of the Batch data plane (the resource ends in "/", hence the double slash). */
export const batchScope = "https://batch.core.windows.net//.default";

export function isTokenCredential(value: unknown): value is TokenCredential {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { getToken?: unknown }).getToken === "function"
  );
}
