// How a profile is shown: everything but the key, which is only said to be there.
import type { Profile } from "../../account/config-store.js";

export interface ShownProfile {
  name: string;
  default: boolean;
  endpoint?: string;
  accountName?: string;
  auth: string;
  accountKey?: string;
}

export function redactedProfile(name: string, profile: Profile, isDefault: boolean): ShownProfile {
  return {
    name,
    default: isDefault,
    ...(profile.endpoint === undefined ? {} : { endpoint: profile.endpoint }),
    ...(profile.accountName === undefined ? {} : { accountName: profile.accountName }),
    auth: profile.auth ?? "sharedkey",
    ...(profile.accountKey === undefined ? {} : { accountKey: "<redacted>" }),
  };
}
