// The openapi-fetch client typed with the spec's paths: the layer every operation goes through.
import type { paths } from "@batch/types";
import createClient, { type Client } from "openapi-fetch";

export function createRawClient(endpoint: string, fetchImpl: typeof fetch = fetch): Client<paths> {
  return createClient<paths>({ baseUrl: endpoint.replace(/\/+$/, ""), fetch: fetchImpl });
}
