// Body pieces that tasks and jobs share: ids, environment settings, resource files, identity
// references and constraints.

import { arrayOf, type Check, duration, int, invalid, object, opt, req, str } from "./schema.js";

/** Letters, digits, hyphens and underscores, 1 to 64 of them: the rule for task and job ids. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const idCheck: Check<string> = str({
  pattern: ID_PATTERN,
  reason:
    "The id can contain any combination of alphanumeric characters including hyphens and underscores, and cannot contain more than 64 characters.",
});

export const displayNameCheck = str({ maxLength: 1024 });

export const identityReference = object({ resourceId: opt(str()) });

export const environmentSetting = object({ name: req(str()), value: opt(str()) });

export const resourceFile = object(
  {
    autoStorageContainerName: opt(str()),
    storageContainerUrl: opt(str()),
    httpUrl: opt(str()),
    blobPrefix: opt(str()),
    filePath: opt(str()),
    fileMode: opt(
      str({
        pattern: /^[0-7]{3,4}$/,
        reason: "The file mode must be an octal number such as 0770.",
      }),
    ),
    identityReference: opt(identityReference),
  },
  (file, path) => {
    const sources = [file.autoStorageContainerName, file.storageContainerUrl, file.httpUrl].filter(
      (source) => source !== undefined,
    );
    if (sources.length !== 1) {
      invalid(
        path,
        file,
        "Exactly one of autoStorageContainerName, storageContainerUrl and httpUrl must be specified.",
      );
    }
    if (file.httpUrl !== undefined && file.filePath === undefined) {
      invalid([...path, "filePath"], "", "filePath is required when httpUrl is specified.");
    }
    if (file.blobPrefix !== undefined && file.httpUrl !== undefined) {
      invalid(
        [...path, "blobPrefix"],
        file.blobPrefix,
        "blobPrefix applies only to container sources.",
      );
    }
    if (file.filePath?.split(/[\\/]/).includes("..")) {
      invalid(
        [...path, "filePath"],
        file.filePath,
        "The file path must not leave the task working directory.",
      );
    }
  },
);

export const resourceFiles = arrayOf(resourceFile);

/** Retry counts: 0 none, -1 without limit. */
export const retryCount = int({ min: -1, reason: "The value must be -1 (unlimited) or greater." });

export const taskConstraints = object({
  maxWallClockTime: opt(duration()),
  retentionTime: opt(duration()),
  maxTaskRetryCount: opt(retryCount),
});
