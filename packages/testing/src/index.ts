// Public entry of @batch/testing.
export { DEV_ACCOUNT_KEY, DEV_ACCOUNT_NAME } from "./dev-account.js";
