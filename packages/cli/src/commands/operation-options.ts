// The per-call options of the mission document, as flags: every operation takes the request
// group (service timeout, client-request-id, return-client-request-id, ocp-date); get, update,
// terminate, reactivate and delete also take the conditional headers; reads take $select and
// $expand; lists take $filter and maxresults. Each helper adds its flags to a command and
// turns the parsed values into the client's option names.
import type { Argv } from "yargs";
import { checkedDate, checkedGuid } from "./flag-checks.js";
import { numberFlag, numberRules } from "./number-flag.js";

export interface CallArgs {
  timeout?: number | undefined;
  clientRequestId?: string | undefined;
  returnClientRequestId?: boolean | undefined;
  ocpDate?: string | undefined;
}

export interface ConditionalArgs {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | undefined;
  ifUnmodifiedSince?: string | undefined;
}

export interface SelectArgs {
  select?: string | undefined;
}

export interface ExpandArgs {
  expand?: string | undefined;
}

export interface FilterArgs {
  filter?: string | undefined;
  maxResults?: number | undefined;
}

const requestGroup = "Request:";

export function withCallOptions<T>(yargs: Argv<T>, { serviceTimeout = true } = {}): Argv<T> {
  let result = yargs;
  if (serviceTimeout) {
    result = result.option(
      "timeout",
      numberFlag("timeout", numberRules.timeout, {
        describe:
          "Longest time the service may spend on the request, in seconds (service default 30)",
        group: requestGroup,
      }),
    );
  }
  return result
    .option("client-request-id", {
      type: "string",
      describe: "Your own GUID for the request, sent as client-request-id",
      group: requestGroup,
      coerce: checkedGuid("--client-request-id"),
    })
    .option("return-client-request-id", {
      type: "boolean",
      describe: "Ask the service to echo client-request-id in its answer",
      group: requestGroup,
    })
    .option("ocp-date", {
      type: "string",
      describe: "The request's date (ocp-date), e.g. 2025-06-01T12:00:00Z; now by default",
      group: requestGroup,
      coerce: checkedDate("--ocp-date"),
    });
}

export function withConditionalOptions<T>(yargs: Argv<T>): Argv<T> {
  const group = "Conditions:";
  return yargs
    .option("if-match", {
      type: "string",
      describe: "Only if the resource's ETag is this one",
      group,
    })
    .option("if-none-match", {
      type: "string",
      describe: "Only if the resource's ETag is not this one",
      group,
    })
    .option("if-modified-since", {
      type: "string",
      describe: "Only if modified since this date",
      group,
      coerce: checkedDate("--if-modified-since"),
    })
    .option("if-unmodified-since", {
      type: "string",
      describe: "Only if not modified since this date",
      group,
      coerce: checkedDate("--if-unmodified-since"),
    });
}

export function withSelectOption<T>(yargs: Argv<T>): Argv<T> {
  return yargs.option("select", {
    type: "string",
    describe: "OData $select: comma-separated properties to return, e.g. id,state",
    group: "Query:",
  });
}

export function withExpandOption<T>(yargs: Argv<T>): Argv<T> {
  return yargs.option("expand", {
    type: "string",
    describe: "OData $expand, e.g. stats",
    group: "Query:",
  });
}

export function withFilterOptions<T>(yargs: Argv<T>): Argv<T> {
  return yargs
    .option("filter", {
      type: "string",
      describe: "OData $filter, e.g. \"state eq 'completed'\"",
      group: "Query:",
    })
    .option(
      "max-results",
      numberFlag("max-results", numberRules.maxResults, {
        describe: "Items per page the service returns, 1 to 1000 (maxresults)",
        group: "Query:",
      }),
    );
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** The client's per-call options from the request flags, with the run's abort signal. */
export function callOptions(args: CallArgs, signal: AbortSignal) {
  return defined({
    timeout: args.timeout,
    clientRequestId: args.clientRequestId,
    returnClientRequestId: args.returnClientRequestId,
    ocpDate: args.ocpDate,
    signal,
  });
}

export function conditionalOptions(args: ConditionalArgs) {
  return defined({
    ifMatch: args.ifMatch,
    ifNoneMatch: args.ifNoneMatch,
    ifModifiedSince: args.ifModifiedSince,
    ifUnmodifiedSince: args.ifUnmodifiedSince,
  });
}

export function selectOptions(args: SelectArgs & ExpandArgs) {
  return defined({ select: args.select, expand: args.expand });
}

export function filterOptions(args: FilterArgs) {
  return defined({ filter: args.filter, maxResults: args.maxResults });
}
