// The type of `client.raw`: the spec's `paths` with `api-version` optional in every operation's
// query, since the pipeline's headers step adds the client's own when a request has none. A
// caller's `api-version` is sent as given (it wins over the client's `apiVersion`). Types only.
import type { paths } from "@batch/types";

type WithOptionalApiVersion<Op> = Op extends { parameters: { query: infer Query } }
  ? Omit<Op, "parameters"> & {
      parameters: Omit<Op["parameters"], "query"> &
        // Optional when nothing else in it is required.
        (Partial<Omit<Query, "api-version">> extends Omit<Query, "api-version">
          ? { query?: Omit<Query, "api-version"> & { "api-version"?: string } }
          : { query: Omit<Query, "api-version"> & { "api-version"?: string } });
    }
  : Op;

/** `paths`, each operation's `api-version` query parameter optional. */
export type RawPaths = {
  [Path in keyof paths]: {
    [Key in keyof paths[Path]]: WithOptionalApiVersion<paths[Path][Key]>;
  };
};
