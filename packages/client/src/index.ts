// Public entry of @batch/client.
export type { paths } from "@batch/types";
export { apiVersion } from "@batch/types";
export { createRawClient } from "./raw-client.js";
