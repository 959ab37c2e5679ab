// @ts-check
// One task get with the official SDK, @azure/batch 10.2.0, as a user's script would do it: the
// cold start this benchmark compares. The account comes from az's environment variables; the
// task is printed as JSON. ms-rest-js leaves timers behind, so the script ends with exit.
import { BatchServiceClient, BatchSharedKeyCredentials } from "@azure/batch";

const { AZURE_BATCH_ENDPOINT, AZURE_BATCH_ACCOUNT, AZURE_BATCH_ACCESS_KEY } = process.env;
if (!AZURE_BATCH_ENDPOINT || !AZURE_BATCH_ACCOUNT || !AZURE_BATCH_ACCESS_KEY) {
  throw new Error("set AZURE_BATCH_ENDPOINT, AZURE_BATCH_ACCOUNT and AZURE_BATCH_ACCESS_KEY");
}
const client = new BatchServiceClient(
  new BatchSharedKeyCredentials(AZURE_BATCH_ACCOUNT, AZURE_BATCH_ACCESS_KEY),
  AZURE_BATCH_ENDPOINT,
);
const [job, task] = process.argv.slice(2);
const result = await client.task.get(job ?? "", task ?? "");
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`, () => process.exit(0));
