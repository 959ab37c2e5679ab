// The api-version values the emulator accepts: the current one of the spec and those official
// clients send (az 2.45 and @azure/batch 10 send 2022-10-01.16.0; older SDKs older ones). The
// task wire format has not changed between them.

import { apiVersion } from "@batch/types";
import {
  missingRequiredQueryParameter,
  unsupportedRequestVersion,
} from "../service/error-catalog.js";

export const SUPPORTED_API_VERSIONS: readonly string[] = [
  apiVersion,
  "2025-06-01",
  "2024-07-01.20.0",
  "2024-02-01.19.0",
  "2023-11-01.18.0",
  "2023-05-01.17.0",
  "2022-10-01.16.0",
  "2022-01-01.15.0",
  "2021-06-01.14.0",
  "2020-09-01.12.0",
  "2020-03-01.11.0",
];

export function checkApiVersion(value: string | undefined, supported: readonly string[]): void {
  if (value === undefined || value === "") throw missingRequiredQueryParameter("api-version");
  if (!supported.includes(value)) throw unsupportedRequestVersion(value, supported);
}
