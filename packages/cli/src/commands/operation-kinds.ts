// The flags of each kind of operation, from the per-call options in operation-options.ts and
// the list limits in list-limit.ts, so commands of one kind offer the same flags in the same
// order: reading one resource (get), listing, and changing one (update, terminate, reactivate,
// delete). Each `with...` adds the flags; the matching function turns the parsed values into
// the client's per-call options, with the run's abort signal.
import type { Argv } from "yargs";
import { type ListLimitArgs, withListLimitOptions } from "./list-limit.js";
import {
  type CallArgs,
  type ConditionalArgs,
  callOptions,
  conditionalOptions,
  type ExpandArgs,
  type FilterArgs,
  filterOptions,
  type SelectArgs,
  selectOptions,
  withCallOptions,
  withConditionalOptions,
  withExpandOption,
  withFilterOptions,
  withSelectOption,
} from "./operation-options.js";

export type ReadArgs = CallArgs & ConditionalArgs & SelectArgs & ExpandArgs;
export type ListArgs = CallArgs & SelectArgs & ExpandArgs & FilterArgs & ListLimitArgs;
export type WriteArgs = CallArgs & ConditionalArgs;

export function withReadOptions<T>(yargs: Argv<T>): Argv<T & ReadArgs> {
  return withConditionalOptions(
    withCallOptions(withExpandOption(withSelectOption(yargs))),
  ) as unknown as Argv<T & ReadArgs>;
}

export function readOptions(args: ReadArgs, signal: AbortSignal) {
  return { ...callOptions(args, signal), ...conditionalOptions(args), ...selectOptions(args) };
}

export function withListOptions<T>(yargs: Argv<T>): Argv<T & ListArgs> {
  return withCallOptions(
    withListLimitOptions(withFilterOptions(withExpandOption(withSelectOption(yargs)))),
  ) as unknown as Argv<T & ListArgs>;
}

export function listOptions(args: ListArgs, signal: AbortSignal) {
  return { ...callOptions(args, signal), ...selectOptions(args), ...filterOptions(args) };
}

export function withWriteOptions<T>(yargs: Argv<T>): Argv<T & WriteArgs> {
  return withConditionalOptions(withCallOptions(yargs)) as unknown as Argv<T & WriteArgs>;
}

export function writeOptions(args: WriteArgs, signal: AbortSignal) {
  return { ...callOptions(args, signal), ...conditionalOptions(args) };
}
