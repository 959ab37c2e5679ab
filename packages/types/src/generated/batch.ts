// Generated from spec/batch.openapi.yaml by packages/types/scripts/generate.mjs.
// Do not edit by hand: change the spec and run `pnpm generate`.

export interface paths {
    "/jobs/{jobId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tasks of a job
         * @description Returns one page of the job's tasks. For a multi-instance task the node, affinity and execution details shown are those of its primary subtask. Follow `odata.nextLink`, an absolute URL, until it is absent to read the remaining pages.
         */
        get: operations["Task_List"];
        put?: never;
        /**
         * Add a task to a job
         * @description Submits one task to a job. Task IDs must be unique within the job, ignoring letter case. A task that has not finished 180 days after it was added is ended by the service and kept in whatever state it had reached.
         */
        post: operations["Task_Add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/addtaskcollection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add up to 100 tasks to a job in one request
         * @description Submits between 1 and 100 tasks at once; the serialized body must stay under 1 MB or the call fails with RequestBodyTooLarge (413). The status is 200 even when some tasks were refused: every task gets its own entry in the result, matched by `taskId` because the order may differ from the request. Entries with `servererror` can be resent unchanged; `clienterror` entries need a fixed request. When the connection drops mid-call, part of the batch may already exist, so retry with the same task IDs and resend only what did not succeed. Each task is subject to the same 180-day lifetime as a single add.
         */
        post: operations["Task_AddCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task
         * @description Returns the current properties and state of one task. For a multi-instance task the node, affinity and execution details are those of the primary subtask. A failed read condition yields 304 (If-None-Match, If-Modified-Since) or 412 (If-Match, If-Unmodified-Since).
         */
        get: operations["Task_Get"];
        /**
         * Update a task's constraints
         * @description Replaces the constraints of a task. Only `constraints` can be changed; sending a body without it resets the task to the default constraints. For a multi-instance task a new retention time affects the primary subtask only.
         */
        put: operations["Task_Update"];
        post?: never;
        /**
         * Delete a task
         * @description Removes a task from its job. The files the task left in its directory on the node are removed too, whatever its retention time says. For a multi-instance task the primary is removed at once and the subtasks, with their files, are cleaned up afterwards in the background.
         */
        delete: operations["Task_Delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/tasks/{taskId}/subtasksinfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the subtasks of a multi-instance task
         * @description Returns every subtask of a multi-instance task in a single response (there is no paging). For an ordinary task the list is empty.
         */
        get: operations["Task_ListSubtasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/tasks/{taskId}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a failed task
         * @description Returns a task that completed unsuccessfully to the `active` state so it can be scheduled again, even when its retries are used up. The retry count restarts at zero and the earlier exit code and failure details are dropped. Tasks that have not completed, tasks that succeeded, and tasks of a job that is completed, terminating or being deleted are refused with 409.
         */
        post: operations["Task_Reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/tasks/{taskId}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Terminate a task
         * @description Stops a task and moves it to the `completed` state. For a multi-instance task the primary is stopped at once and its subtasks are stopped afterwards in the background.
         */
        post: operations["Task_Terminate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List jobs
         * @description Returns one page of the jobs in the account. When more jobs remain, the page carries an absolute `odata.nextLink` URL; fetch it as-is (with authentication) to get the following page.
         */
        get: operations["Job_List"];
        put?: never;
        /**
         * Create a job
         * @description Creates a job that runs its tasks on an existing pool. Job IDs are compared without regard to case across the account, so a second job whose ID differs only in letter case is rejected as a duplicate.
         */
        post: operations["Job_Add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a job
         * @description Returns the current properties and state of one job. With a conditional header whose condition fails, the service answers 304 (If-None-Match, If-Modified-Since) or 412 (If-Match, If-Unmodified-Since) instead.
         */
        get: operations["Job_Get"];
        put?: never;
        post?: never;
        /**
         * Delete a job
         * @description Starts removing a job together with all of its tasks and their statistics. The job enters the `deleting` state right away and any further change to it is refused; the removal itself finishes in the background, hence the 202 status.
         */
        delete: operations["Job_Delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Terminate a job
         * @description Ends a job. It passes through `terminating` to `completed`; running tasks are stopped, tasks still waiting are never scheduled and no new tasks can be added. The reason given (or `UserTerminate` when none is sent) is recorded in `executionInfo.terminateReason`.
         */
        post: operations["Job_Terminate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/taskcounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count a job's tasks by state
         * @description Returns how many tasks of the job are active, running (preparing included) or completed, with completed split into succeeded and failed, both as plain task counts and weighted by required slots. The numbers may lag slightly behind the real state.
         */
        get: operations["Job_GetTaskCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A task to submit to a job. */
        TaskAddParameter: {
            /** @description Task ID, unique within the job without regard to case (the case given is kept). Letters, digits, hyphens and underscores only. */
            id: string;
            /** @description Free-form display name; any Unicode text. */
            displayName?: string;
            /** @description The program to run. It is not started through a shell, so wrap it in `cmd /c` or `/bin/sh -c` to use shell features. Refer to files by relative path or through the `AZ_BATCH_*` environment variables. */
            commandLine: string;
            containerSettings?: components["schemas"]["TaskContainerSettings"];
            exitConditions?: components["schemas"]["ExitConditions"];
            /** @description Files copied onto the node before the command runs. A list that is too large is refused with RequestEntityTooLarge. For a multi-instance task only the primary receives them. */
            resourceFiles?: components["schemas"]["ResourceFile"][];
            /** @description Files uploaded from the node once the task ends. For a multi-instance task they are taken from the primary only. */
            outputFiles?: components["schemas"]["OutputFile"][];
            /** @description Extra environment variables for the task process. */
            environmentSettings?: components["schemas"]["EnvironmentSetting"][];
            affinityInfo?: components["schemas"]["AffinityInformation"];
            constraints?: components["schemas"]["TaskConstraints"];
            /**
             * Format: int32
             * @description Scheduling slots the task occupies on a node (1 when omitted). Must be 1 for a multi-instance task.
             */
            requiredSlots?: number;
            userIdentity?: components["schemas"]["UserIdentity"];
            multiInstanceSettings?: components["schemas"]["MultiInstanceSettings"];
            dependsOn?: components["schemas"]["TaskDependencies"];
            /** @description Application packages deployed to the node before the task starts. */
            applicationPackageReferences?: components["schemas"]["ApplicationPackageReference"][];
            authenticationTokenSettings?: components["schemas"]["AuthenticationTokenSettings"];
        };
        /** @description Runs the task inside a container. Required when the pool is set up for containers and not allowed otherwise. */
        TaskContainerSettings: {
            /** @description Extra arguments passed to the container create command. */
            containerRunOptions?: string;
            /** @description Image to run, as a full reference or `repository:tag`. */
            imageName: string;
            registry?: components["schemas"]["ContainerRegistry"];
            workingDirectory?: components["schemas"]["ContainerWorkingDirectory"];
            /** @description Batch host directories to mount into the container. */
            containerHostBatchBindMounts?: components["schemas"]["ContainerHostBatchBindMountEntry"][];
        };
        /** @description A private registry the container image is pulled from. */
        ContainerRegistry: {
            /** @description Account name for the registry. */
            username?: string;
            /** @description Password for the registry account. */
            password?: string;
            /** @description Registry host; `docker.io` when omitted. */
            registryServer?: string;
            identityReference?: components["schemas"]["ComputeNodeIdentityReference"];
        };
        /** @description A user-assigned managed identity of the pool, used to reach storage or registries. */
        ComputeNodeIdentityReference: {
            /** @description Azure resource ID of the identity. */
            resourceId?: string;
        };
        /** @description One host directory mounted into the task container. */
        ContainerHostBatchBindMountEntry: {
            source?: components["schemas"]["ContainerHostDataPath"];
            /** @description Mount the directory read-only. */
            isReadOnly?: boolean;
        };
        /**
         * @description Which Batch-managed host directory to mount. The service may add values later, so treat unknown ones gracefully.
         * @enum {string}
         */
        ContainerHostDataPath: "Shared" | "Startup" | "VfsMounts" | "Task" | "JobPrep" | "Applications";
        /**
         * @description Working directory inside the container: the Batch task directory or the image's own default.
         * @enum {string}
         */
        ContainerWorkingDirectory: "taskWorkingDirectory" | "containerImageDefault";
        /** @description Rules that decide what happens after the task ends. */
        ExitConditions: {
            /** @description Actions for individual exit codes. */
            exitCodes?: components["schemas"]["ExitCodeMapping"][];
            /** @description Actions for inclusive ranges of exit codes. */
            exitCodeRanges?: components["schemas"]["ExitCodeRangeMapping"][];
            /** @description Action when the task could not be started (for example a resource file failed to download). */
            preProcessingError?: components["schemas"]["ExitOptions"];
            /** @description Action when uploading output files failed. A match in `exitCodes` or `exitCodeRanges` wins over this one. */
            fileUploadError?: components["schemas"]["ExitOptions"];
            /** @description Fallback for nonzero exit codes not listed above, and for pre-processing or upload errors when those have no entry. */
            default?: components["schemas"]["ExitOptions"];
        };
        /** @description Action for one exit code. */
        ExitCodeMapping: {
            /**
             * Format: int32
             * @description The exit code.
             */
            code: number;
            exitOptions: components["schemas"]["ExitOptions"];
        };
        /** @description Action for an inclusive range of exit codes. */
        ExitCodeRangeMapping: {
            /**
             * Format: int32
             * @description First code of the range.
             */
            start: number;
            /**
             * Format: int32
             * @description Last code of the range.
             */
            end: number;
            exitOptions: components["schemas"]["ExitOptions"];
        };
        /** @description What the service does in response to a task outcome. */
        ExitOptions: {
            jobAction?: components["schemas"]["JobAction"];
            dependencyAction?: components["schemas"]["DependencyAction"];
        };
        /**
         * @description Effect on the job. Only honoured when the job's `onTaskFailure` is `performexitoptionsjobaction`; setting it otherwise is rejected. `disable` disables the job and requeues its tasks; `terminate` ends the job with reason `TaskFailed`. When unset, a zero exit code maps to `none` and any other code to `terminate`.
         * @enum {string}
         */
        JobAction: "none" | "disable" | "terminate";
        /**
         * @description Whether tasks waiting on this one may start (`satisfy`) or stay blocked (`block`). When unset, a zero exit code maps to `satisfy` and any other code to `block`.
         * @enum {string}
         */
        DependencyAction: "satisfy" | "block";
        /** @description A file or set of blobs to copy onto the node. Give exactly one of `autoStorageContainerName`, `storageContainerUrl` or `httpUrl`. */
        ResourceFile: {
            /** @description Container in the account's linked storage account. */
            autoStorageContainerName?: string;
            /** @description Blob container URL, readable by the node (SAS or managed identity). */
            storageContainerUrl?: string;
            /** @description URL of a single file, readable by the node. */
            httpUrl?: string;
            /** @description Only copy blobs whose names start with this prefix (container sources only). */
            blobPrefix?: string;
            /** @description Where to put the download, under the task working directory: the file name for `httpUrl` (required there), or a directory for container sources. It may not leave the working directory via `..`. */
            filePath?: string;
            /** @description Octal permission bits for Linux nodes, such as `0770` (the default); ignored on Windows. */
            fileMode?: string;
            identityReference?: components["schemas"]["ComputeNodeIdentityReference"];
        };
        /** @description Files to upload from the node when the task finishes. */
        OutputFile: {
            /** @description Absolute path, or path under the task working directory; `*` and `**` wildcards are allowed. Back and forward slashes are equivalent. */
            filePattern: string;
            destination: components["schemas"]["OutputFileDestination"];
            uploadOptions: components["schemas"]["OutputFileUploadOptions"];
        };
        /** @description Where output files go. */
        OutputFileDestination: {
            container?: components["schemas"]["OutputFileBlobContainerDestination"];
        };
        /** @description A blob storage container that receives output files. */
        OutputFileBlobContainerDestination: {
            /** @description Blob name for a single file, or a virtual directory prefix when the pattern has wildcards. */
            path?: string;
            /** @description Container URL; needs write access through a SAS or `identityReference`. */
            containerUrl: string;
            identityReference?: components["schemas"]["ComputeNodeIdentityReference"];
            /** @description Extra HTTP headers sent with each upload. */
            uploadHeaders?: components["schemas"]["HttpHeader"][];
        };
        /** @description A name/value HTTP header. */
        HttpHeader: {
            /** @description Header name, case-insensitive. */
            name: string;
            /** @description Header value. */
            value?: string;
        };
        /** @description When output files are uploaded. */
        OutputFileUploadOptions: {
            uploadCondition: components["schemas"]["OutputFileUploadCondition"];
        };
        /**
         * @description Upload after success only, after failure only, or always.
         * @enum {string}
         */
        OutputFileUploadCondition: "tasksuccess" | "taskfailure" | "taskcompletion";
        /** @description One environment variable. */
        EnvironmentSetting: {
            /** @description Variable name. */
            name: string;
            /** @description Variable value. */
            value?: string;
        };
        /** @description A hint to place the task on a particular node when it is free. */
        AffinityInformation: {
            /** @description Opaque node locator, as found in `nodeInfo.affinityId` of an earlier task. The hint is soft; another node is used if that one is busy or gone. */
            affinityId: string;
        };
        /** @description Time and retry limits for a task. */
        TaskConstraints: {
            /**
             * Format: duration
             * @description Longest the task may run, counted from its start, as an ISO 8601 duration. Unlimited when omitted.
             */
            maxWallClockTime?: string;
            /**
             * Format: duration
             * @description How long the task directory is kept on the node after the task ends, as an ISO 8601 duration. Seven days when omitted.
             */
            retentionTime?: string;
            /**
             * Format: int32
             * @description Retries after a nonzero exit code, on top of the first attempt; 0 means none and -1 means no limit. Taken from the job when omitted.
             */
            maxTaskRetryCount?: number;
        };
        /** @description Account the task runs as: a named pool user or an automatic user, not both. A non-admin account unique to the task when omitted. */
        UserIdentity: {
            /** @description Name of a user account defined on the pool. */
            username?: string;
            autoUser?: components["schemas"]["AutoUserSpecification"];
        };
        /** @description An automatic user account created by the service. */
        AutoUserSpecification: {
            scope?: components["schemas"]["AutoUserScope"];
            elevationLevel?: components["schemas"]["ElevationLevel"];
        };
        /**
         * @description Whether the automatic user is private to the task or shared by the pool (`pool` is the default).
         * @enum {string}
         */
        AutoUserScope: "task" | "pool";
        /**
         * @description Whether the user runs with administrator rights (`nonadmin` is the default).
         * @enum {string}
         */
        ElevationLevel: "nonadmin" | "admin";
        /** @description Makes the task run on several nodes at once, as for MPI. Every instance first runs the coordination command, then the primary runs the main command line. One failing subtask fails (and retries) the task as a whole. */
        MultiInstanceSettings: {
            /**
             * Format: int32
             * @description How many nodes the task uses; 1 when omitted.
             */
            numberOfInstances?: number;
            /** @description Command every instance runs before the primary starts the main command. */
            coordinationCommandLine: string;
            /** @description Files every instance downloads into the task root directory (not the working directory). */
            commonResourceFiles?: components["schemas"]["ResourceFile"][];
        };
        /** @description Tasks that must finish successfully (or be marked satisfied) first. Only allowed in a job created with `usesTaskDependencies: true`. */
        TaskDependencies: {
            /** @description IDs of tasks this one waits for; together at most 64000 characters. */
            taskIds?: string[];
            /** @description Inclusive ranges of numeric task IDs this one waits for. */
            taskIdRanges?: components["schemas"]["TaskIdRange"][];
        };
        /** @description An inclusive range of numeric task IDs. */
        TaskIdRange: {
            /**
             * Format: int32
             * @description First ID in the range.
             */
            start: number;
            /**
             * Format: int32
             * @description Last ID in the range.
             */
            end: number;
        };
        /** @description An application package to install on the node. */
        ApplicationPackageReference: {
            /** @description ID of the application. */
            applicationId: string;
            /** @description Package version; the application's default version when omitted. Without a default the task fails before it starts. */
            version?: string;
        };
        /** @description Gives the task a Batch service token in `AZ_BATCH_AUTHENTICATION_TOKEN` so it can call the service itself. */
        AuthenticationTokenSettings: {
            /** @description What the token may be used for. */
            access?: components["schemas"]["AccessScope"][];
        };
        /**
         * @description `job` allows operations on the job that holds the task.
         * @enum {string}
         */
        AccessScope: "job";
        /** @description A task as the service reports it. Unknown extra properties (such as `odata.metadata`) may appear and should be ignored. */
        CloudTask: {
            /** @description OData context URL added by the service. */
            "odata.metadata"?: string;
            /** @description Task ID, unique within the job. */
            id?: string;
            /** @description Display name given at creation. */
            displayName?: string;
            /** @description Full URL of the task. */
            url?: string;
            /** @description Current version tag of the task. */
            eTag?: string;
            /**
             * Format: date-time
             * @description When the task's properties last changed (state changes alone do not count).
             */
            lastModified?: string;
            /**
             * Format: date-time
             * @description When the task was added.
             */
            creationTime?: string;
            exitConditions?: components["schemas"]["ExitConditions"];
            state?: components["schemas"]["TaskState"];
            /**
             * Format: date-time
             * @description When the task entered its current state.
             */
            stateTransitionTime?: string;
            /** @description State before the current one; absent while the task is still in its first `active` state. */
            previousState?: components["schemas"]["TaskState"];
            /**
             * Format: date-time
             * @description When the task entered its previous state; absent while still in the first `active` state.
             */
            previousStateTransitionTime?: string;
            /** @description The command the task runs. */
            commandLine?: string;
            containerSettings?: components["schemas"]["TaskContainerSettings"];
            /** @description Files copied onto the node before the command runs. */
            resourceFiles?: components["schemas"]["ResourceFile"][];
            /** @description Files uploaded when the task ends. */
            outputFiles?: components["schemas"]["OutputFile"][];
            /** @description Environment variables set for the task. */
            environmentSettings?: components["schemas"]["EnvironmentSetting"][];
            affinityInfo?: components["schemas"]["AffinityInformation"];
            constraints?: components["schemas"]["TaskConstraints"];
            /**
             * Format: int32
             * @description Scheduling slots the task occupies.
             */
            requiredSlots?: number;
            userIdentity?: components["schemas"]["UserIdentity"];
            executionInfo?: components["schemas"]["TaskExecutionInformation"];
            nodeInfo?: components["schemas"]["ComputeNodeInformation"];
            multiInstanceSettings?: components["schemas"]["MultiInstanceSettings"];
            /** @description Resource usage; returned when `$expand=stats` is requested. */
            stats?: components["schemas"]["TaskStatistics"];
            dependsOn?: components["schemas"]["TaskDependencies"];
            /** @description Application packages deployed before the task starts. */
            applicationPackageReferences?: components["schemas"]["ApplicationPackageReference"][];
            authenticationTokenSettings?: components["schemas"]["AuthenticationTokenSettings"];
        };
        /**
         * @description Lifecycle state of a task. `active`: queued for scheduling, which also covers pending retries and reactivated tasks. `preparing`: placed on a node but held until the job preparation task has finished there. `running`: executing, counting the file downloads that precede the command. `completed`: finished, retries exhausted, could not start, or terminated.
         * @enum {string}
         */
        TaskState: "active" | "preparing" | "running" | "completed";
        /** @description How the task's runs have gone so far. */
        TaskExecutionInformation: {
            /**
             * Format: date-time
             * @description Start of the latest run; set once the task has run or is running.
             */
            startTime?: string;
            /**
             * Format: date-time
             * @description When the task completed; set only in the `completed` state.
             */
            endTime?: string;
            /**
             * Format: int32
             * @description Exit code of the command; set only in the `completed` state.
             */
            exitCode?: number;
            containerInfo?: components["schemas"]["TaskContainerExecutionInformation"];
            failureInfo?: components["schemas"]["TaskFailureInformation"];
            /**
             * Format: int32
             * @description How many times the service retried the task after a nonzero exit code.
             */
            retryCount: number;
            /**
             * Format: date-time
             * @description When the latest retry started.
             */
            lastRetryTime?: string;
            /**
             * Format: int32
             * @description How many times the task was put back in the queue by the service (pool shrink, job disable).
             */
            requeueCount: number;
            /**
             * Format: date-time
             * @description When the task was last requeued.
             */
            lastRequeueTime?: string;
            result?: components["schemas"]["TaskExecutionResult"];
        };
        /** @description Details of the container the task ran in. */
        TaskContainerExecutionInformation: {
            /** @description Container ID. */
            containerId?: string;
            /** @description Container state as the container runtime reports it. */
            state?: string;
            /** @description Detailed error text from the container runtime, if any. */
            error?: string;
        };
        /** @description Why the task failed. */
        TaskFailureInformation: {
            category: components["schemas"]["ErrorCategory"];
            /** @description Machine-readable failure code, such as `BlobNotFound` or `TaskEnded`. */
            code?: string;
            /** @description Human-readable explanation. */
            message?: string;
            /** @description Extra name/value details. */
            details?: components["schemas"]["NameValuePair"][];
        };
        /**
         * @description Whether the failure was caused by the user's input or by the service.
         * @enum {string}
         */
        ErrorCategory: "usererror" | "servererror";
        /** @description A name with a value. */
        NameValuePair: {
            /** @description The name. */
            name?: string;
            /** @description The value. */
            value?: string;
        };
        /**
         * @description Outcome of the run; on `failure` see `failureInfo`.
         * @enum {string}
         */
        TaskExecutionResult: "success" | "failure";
        /** @description The node a task ran (or is running) on. */
        ComputeNodeInformation: {
            /** @description Locator usable in `affinityInfo` to prefer this node. */
            affinityId?: string;
            /** @description URL of the node. */
            nodeUrl?: string;
            /** @description Pool the node belongs to. */
            poolId?: string;
            /** @description ID of the node. */
            nodeId?: string;
            /** @description Task's root directory on the node. */
            taskRootDirectory?: string;
            /** @description URL of the task's root directory on the node. */
            taskRootDirectoryUrl?: string;
        };
        /** @description Resource usage of a task. */
        TaskStatistics: {
            /** @description URL of these statistics. */
            url: string;
            /**
             * Format: date-time
             * @description Start of the period covered.
             */
            startTime: string;
            /**
             * Format: date-time
             * @description End of the period covered (last refresh).
             */
            lastUpdateTime: string;
            /**
             * Format: duration
             * @description User-mode CPU time used.
             */
            userCPUTime: string;
            /**
             * Format: duration
             * @description Kernel-mode CPU time used.
             */
            kernelCPUTime: string;
            /**
             * Format: duration
             * @description Elapsed time from start to completion (or to the last update).
             */
            wallClockTime: string;
            /**
             * Format: int64
             * @description Disk read operations.
             */
            readIOps: number;
            /**
             * Format: int64
             * @description Disk write operations.
             */
            writeIOps: number;
            /**
             * Format: double
             * @description Data read from disk, in GiB.
             */
            readIOGiB: number;
            /**
             * Format: double
             * @description Data written to disk, in GiB.
             */
            writeIOGiB: number;
            /**
             * Format: duration
             * @description Time between the task being created and starting to run (latest run when retried).
             */
            waitTime: string;
        };
        /** @description A batch of tasks to add in one call. */
        TaskAddCollectionParameter: {
            /** @description 1 to 100 tasks with distinct IDs. The whole request body must be smaller than 1 MB. */
            value: components["schemas"]["TaskAddParameter"][];
        };
        /** @description Per-task results of an add-collection call. */
        TaskAddCollectionResult: {
            /** @description OData context URL added by the service. */
            "odata.metadata"?: string;
            /** @description One entry per submitted task, not necessarily in request order. */
            value?: components["schemas"]["TaskAddResult"][];
        };
        /** @description Outcome for one task of an add-collection call. */
        TaskAddResult: {
            status: components["schemas"]["TaskAddStatus"];
            /** @description ID of the task this entry is about. */
            taskId: string;
            /** @description Version tag of the new task (on success). */
            eTag?: string;
            /**
             * Format: date-time
             * @description Last-modified time of the new task (on success).
             */
            lastModified?: string;
            /** @description URL of the new task (on success). */
            location?: string;
            /** @description Why the task was not added (on `clienterror` or `servererror`). */
            error?: components["schemas"]["BatchError"];
        };
        /**
         * @description `success`: the task was added. `clienterror`: the task was refused because of the request and must be fixed before retrying. `servererror`: the service failed; the same task can be sent again.
         * @enum {string}
         */
        TaskAddStatus: "success" | "clienterror" | "servererror";
        /** @description One page of tasks. */
        CloudTaskListResult: {
            /** @description OData context URL added by the service. */
            "odata.metadata"?: string;
            /** @description Tasks on this page. */
            value?: components["schemas"]["CloudTask"][];
            /** @description Absolute URL of the next page; absent on the last page. */
            "odata.nextLink"?: string;
        };
        /** @description The subtasks of a multi-instance task. */
        CloudTaskListSubtasksResult: {
            /** @description OData context URL added by the service. */
            "odata.metadata"?: string;
            /** @description All subtasks. */
            value?: components["schemas"]["SubtaskInformation"][];
        };
        /** @description State and outcome of one subtask of a multi-instance task. */
        SubtaskInformation: {
            /**
             * Format: int32
             * @description Number of the subtask.
             */
            id?: number;
            nodeInfo?: components["schemas"]["ComputeNodeInformation"];
            /**
             * Format: date-time
             * @description When the subtask started (latest run).
             */
            startTime?: string;
            /**
             * Format: date-time
             * @description When the subtask completed; set only once completed.
             */
            endTime?: string;
            /**
             * Format: int32
             * @description Exit code of the subtask's command; set only once completed.
             */
            exitCode?: number;
            containerInfo?: components["schemas"]["TaskContainerExecutionInformation"];
            failureInfo?: components["schemas"]["TaskFailureInformation"];
            state?: components["schemas"]["SubtaskState"];
            /**
             * Format: date-time
             * @description When the subtask entered its current state.
             */
            stateTransitionTime?: string;
            /** @description State before the current one; absent in the first state. */
            previousState?: components["schemas"]["SubtaskState"];
            /**
             * Format: date-time
             * @description When the subtask entered its previous state.
             */
            previousStateTransitionTime?: string;
            result?: components["schemas"]["TaskExecutionResult"];
        };
        /**
         * @description Lifecycle state of a subtask.
         * @enum {string}
         */
        SubtaskState: "preparing" | "running" | "completed";
        /** @description New settings for an existing task. */
        TaskUpdateParameter: {
            /** @description The new constraints. When omitted, the task returns to the default constraints. */
            constraints?: components["schemas"]["TaskConstraints"];
        };
        /** @description Task counts of a job, by task and by slot. */
        TaskCountsResult: {
            /** @description OData context URL added by the service. */
            "odata.metadata"?: string;
            taskCounts: components["schemas"]["TaskCounts"];
            taskSlotCounts: components["schemas"]["TaskSlotCounts"];
        };
        /** @description Number of tasks of a job in each state. */
        TaskCounts: {
            /**
             * Format: int32
             * @description Tasks waiting to run.
             */
            active: number;
            /**
             * Format: int32
             * @description Tasks running or preparing.
             */
            running: number;
            /**
             * Format: int32
             * @description Tasks that have completed.
             */
            completed: number;
            /**
             * Format: int32
             * @description Completed tasks whose result is `success`.
             */
            succeeded: number;
            /**
             * Format: int32
             * @description Completed tasks whose result is `failure`.
             */
            failed: number;
        };
        /** @description Same buckets as TaskCounts, weighted by each task's required slots. */
        TaskSlotCounts: {
            /**
             * Format: int32
             * @description Slots of tasks waiting to run.
             */
            active: number;
            /**
             * Format: int32
             * @description Slots of tasks running or preparing.
             */
            running: number;
            /**
             * Format: int32
             * @description Slots of completed tasks.
             */
            completed: number;
            /**
             * Format: int32
             * @description Slots of tasks that succeeded.
             */
            succeeded: number;
            /**
             * Format: int32
             * @description Slots of tasks that failed.
             */
            failed: number;
        };
        /** @description A job to create. Only the settings a task workflow needs are modelled; job manager, preparation and release tasks, auto pools and network settings are left out. */
        JobAddParameter: {
            /** @description Job ID, unique in the account without regard to case (the case given is kept). Letters, digits, hyphens and underscores only. */
            id: string;
            /** @description Free-form display name; any Unicode text. */
            displayName?: string;
            /**
             * Format: int32
             * @description Scheduling priority from -1000 (lowest) to 1000 (highest); 0 when omitted.
             */
            priority?: number;
            /**
             * Format: int32
             * @description Most tasks of this job that may run at the same time; -1 (the default) means no limit, otherwise above 0.
             * @default -1
             */
            maxParallelTasks?: number;
            /** @description Whether this job's tasks may be preempted by tasks of higher-priority jobs. */
            allowTaskPreemption?: boolean;
            constraints?: components["schemas"]["JobConstraints"];
            poolInfo: components["schemas"]["PoolInformation"];
            onAllTasksComplete?: components["schemas"]["OnAllTasksComplete"];
            onTaskFailure?: components["schemas"]["OnTaskFailure"];
            /** @description Caller-defined name/value pairs; the service does not interpret them. */
            metadata?: components["schemas"]["MetadataItem"][];
            /** @description Whether tasks of this job may declare dependencies; false when omitted. */
            usesTaskDependencies?: boolean;
        };
        /** @description Limits that apply to a job. */
        JobConstraints: {
            /**
             * Format: duration
             * @description Longest the job may exist, from creation, as an ISO 8601 duration; when it runs out the job is terminated with reason `MaxWallClockTimeExpiry`. Unlimited when omitted.
             */
            maxWallClockTime?: string;
            /**
             * Format: int32
             * @description Default retry limit for the job's tasks; 0 (the default) means no retries and -1 means no limit.
             */
            maxTaskRetryCount?: number;
        };
        /** @description The existing pool the job's tasks run on. */
        PoolInformation: {
            /** @description ID of the pool. */
            poolId: string;
        };
        /** @description A name/value pair attached to a resource. */
        MetadataItem: {
            /** @description The name. */
            name: string;
            /** @description The value. */
            value: string;
        };
        /**
         * @description What happens when every task of the job has completed: nothing (`noaction`, the default) or termination with reason `AllTasksComplete` (`terminatejob`). A job without tasks already counts as complete, so add the tasks before switching to `terminatejob`.
         * @enum {string}
         */
        OnAllTasksComplete: "noaction" | "terminatejob";
        /**
         * @description What happens when a task fails: nothing (`noaction`, the default) or the `jobAction` from the task's exit conditions (`performexitoptionsjobaction`).
         * @enum {string}
         */
        OnTaskFailure: "noaction" | "performexitoptionsjobaction";
        /**
         * @description Lifecycle state of a job.
         * @enum {string}
         */
        JobState: "active" | "disabling" | "disabled" | "enabling" | "terminating" | "completed" | "deleting";
        /** @description A job as the service reports it, reduced to the task-related settings. Unknown extra properties may appear and should be ignored. */
        CloudJob: {
            /** @description OData context URL added by the service. */
            "odata.metadata"?: string;
            /** @description Job ID, unique in the account. */
            id?: string;
            /** @description Display name given at creation. */
            displayName?: string;
            /** @description Whether tasks of this job may declare dependencies. */
            usesTaskDependencies?: boolean;
            /** @description Full URL of the job. */
            url?: string;
            /** @description Current version tag of the job. */
            eTag?: string;
            /**
             * Format: date-time
             * @description When the job's properties last changed.
             */
            lastModified?: string;
            /**
             * Format: date-time
             * @description When the job was created.
             */
            creationTime?: string;
            state?: components["schemas"]["JobState"];
            /**
             * Format: date-time
             * @description When the job entered its current state.
             */
            stateTransitionTime?: string;
            /** @description State before the current one; absent in the first state. */
            previousState?: components["schemas"]["JobState"];
            /**
             * Format: date-time
             * @description When the job entered its previous state.
             */
            previousStateTransitionTime?: string;
            /**
             * Format: int32
             * @description Scheduling priority from -1000 to 1000.
             */
            priority?: number;
            /** @description Whether this job's tasks may be preempted. */
            allowTaskPreemption?: boolean;
            /**
             * Format: int32
             * @description Most tasks that may run at once; -1 means no limit.
             * @default -1
             */
            maxParallelTasks?: number;
            constraints?: components["schemas"]["JobConstraints"];
            poolInfo?: components["schemas"]["PoolInformation"];
            onAllTasksComplete?: components["schemas"]["OnAllTasksComplete"];
            onTaskFailure?: components["schemas"]["OnTaskFailure"];
            /** @description Caller-defined name/value pairs. */
            metadata?: components["schemas"]["MetadataItem"][];
            executionInfo?: components["schemas"]["JobExecutionInformation"];
        };
        /** @description How the job has run so far. */
        JobExecutionInformation: {
            /**
             * Format: date-time
             * @description When the job started.
             */
            startTime: string;
            /**
             * Format: date-time
             * @description When the job completed; set only in the `completed` state.
             */
            endTime?: string;
            /** @description Pool the job is assigned to. */
            poolId?: string;
            schedulingError?: components["schemas"]["JobSchedulingError"];
            /** @description Why the job ended: `JMComplete`, `MaxWallClockTimeExpiry`, `TerminateJobSchedule`, `AllTasksComplete`, `TaskFailed`, `UserTerminate`, or the text given to the terminate call. */
            terminateReason?: string;
        };
        /** @description A problem the service hit while scheduling the job. */
        JobSchedulingError: {
            category: components["schemas"]["ErrorCategory"];
            /** @description Machine-readable error code. */
            code?: string;
            /** @description Human-readable explanation. */
            message?: string;
            /** @description Extra name/value details. */
            details?: components["schemas"]["NameValuePair"][];
        };
        /** @description One page of jobs. */
        CloudJobListResult: {
            /** @description OData context URL added by the service. */
            "odata.metadata"?: string;
            /** @description Jobs on this page. */
            value?: components["schemas"]["CloudJob"][];
            /** @description Absolute URL of the next page; absent on the last page. */
            "odata.nextLink"?: string;
        };
        /** @description Optional details for terminating a job. */
        JobTerminateParameter: {
            /** @description Free text stored as the job's terminate reason; `UserTerminate` when omitted. */
            terminateReason?: string;
        };
        /** @description Error body returned by the Batch service. */
        BatchError: {
            /** @description OData context URL added by the service. */
            "odata.metadata"?: string;
            /** @description Machine-readable error code, such as `TaskNotFound` or `JobCompleted`. */
            code?: string;
            message?: components["schemas"]["ErrorMessage"];
            /** @description Extra key/value details about the error. */
            values?: components["schemas"]["BatchErrorDetail"][];
        };
        /** @description A readable error message and its language. */
        ErrorMessage: {
            /** @description Language tag of the message, such as `en-US`. */
            lang?: string;
            /** @description The message text. */
            value?: string;
        };
        /** @description One key/value detail of an error. */
        BatchErrorDetail: {
            /** @description Name of the detail, such as `Reason`. */
            key?: string;
            /** @description Value of the detail. */
            value?: string;
        };
    };
    responses: {
        /** @description The request failed. The body names the error code, a readable message and optional key/value details. */
        Error: {
            headers: {
                "request-id": components["headers"]["RequestId"];
                "client-request-id": components["headers"]["ClientRequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "TaskNotFound",
                 *       "message": {
                 *         "lang": "en-US",
                 *         "value": "The specified task does not exist."
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["BatchError"];
            };
        };
    };
    parameters: {
        /** @description Version of the Batch REST API the request is written against. */
        ApiVersion: string;
        /** @description ID of the job the request targets. */
        JobId: string;
        /** @description ID of the task the request targets. */
        TaskId: string;
        /** @description Comma-separated list of top-level properties to return, for example `id,state`. Everything is returned when omitted. */
        Select: string;
        /** @description Related data to include inline. In practice the only value is `stats`, which adds the resource's statistics. */
        Expand: string;
        /** @description OData filter expression that limits which items are returned, for example `state eq 'active'`. Conditions can be joined with `and` and `or` and grouped with parentheses. */
        Filter: string;
        /** @description Largest number of items a single page may hold. */
        MaxResults: number;
        /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
        Timeout: number;
        /** @description Longest time, in seconds, the service may spend adding the batch of tasks. Values above 120 are treated as 120. */
        AddCollectionTimeout: number;
        /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
        ClientRequestId: string;
        /** @description When true, the service echoes `client-request-id` back in the response. */
        ReturnClientRequestId: boolean;
        /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
        OcpDate: string;
        /** @description Proceed only when the resource's current ETag equals this value; otherwise the service answers 412. */
        IfMatch: string;
        /** @description Proceed only when the resource's current ETag differs from this value; otherwise a read answers 304 and a write 412. */
        IfNoneMatch: string;
        /** @description RFC 1123 date. Proceed only when the resource changed after it; otherwise a read answers 304 and a write 412. */
        IfModifiedSince: string;
        /** @description RFC 1123 date. Proceed only when the resource has not changed since it; otherwise the service answers 412. */
        IfUnmodifiedSince: string;
        /** @description When true, the service completes the action without waiting for the compute nodes to finish processing it. */
        Force: boolean;
    };
    requestBodies: never;
    headers: {
        /** @description Identifier the service assigned to this request; quote it when reporting problems. */
        RequestId: string;
        /** @description The caller's `client-request-id`, returned only when the request set `return-client-request-id: true`. */
        ClientRequestId: string;
        /** @description Opaque version tag of the resource (for example `0x8D3D623CD661246`), usable with If-Match and If-None-Match. */
        ETag: string;
        /** @description When the resource last changed, as an RFC 1123 date. */
        LastModified: string;
        /** @description OData identifier (the URL) of the resource the request acted on. */
        DataServiceId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    Task_List: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description OData filter expression that limits which items are returned, for example `state eq 'active'`. Conditions can be joined with `and` and `or` and grouped with parentheses. */
                $filter?: components["parameters"]["Filter"];
                /** @description Comma-separated list of top-level properties to return, for example `id,state`. Everything is returned when omitted. */
                $select?: components["parameters"]["Select"];
                /** @description Related data to include inline. In practice the only value is `stats`, which adds the resource's statistics. */
                $expand?: components["parameters"]["Expand"];
                /** @description Largest number of items a single page may hold. */
                maxresults?: components["parameters"]["MaxResults"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CloudTaskListResult"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Task_Add: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        /** @description The task to submit. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "task-001",
                 *       "commandLine": "/bin/sh -c \"echo hello\"",
                 *       "constraints": {
                 *         "maxWallClockTime": "PT1H",
                 *         "maxTaskRetryCount": 2
                 *       }
                 *     }
                 */
                "application/json; odata=minimalmetadata": components["schemas"]["TaskAddParameter"];
            };
        };
        responses: {
            /** @description The task was accepted. The response has no body. */
            201: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    DataServiceId: components["headers"]["DataServiceId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Task_AddCollection: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Longest time, in seconds, the service may spend adding the batch of tasks. Values above 120 are treated as 120. */
                timeout?: components["parameters"]["AddCollectionTimeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        /** @description The tasks to submit. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "value": [
                 *         {
                 *           "id": "part-1",
                 *           "commandLine": "/bin/sh -c \"echo one\""
                 *         },
                 *         {
                 *           "id": "part-2",
                 *           "commandLine": "/bin/sh -c \"echo two\""
                 *         }
                 *       ]
                 *     }
                 */
                "application/json; odata=minimalmetadata": components["schemas"]["TaskAddCollectionParameter"];
            };
        };
        responses: {
            /** @description One result per submitted task. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "value": [
                     *         {
                     *           "taskId": "part-2",
                     *           "status": "success",
                     *           "eTag": "0x8D3D623CE295629",
                     *           "lastModified": "2025-06-01T10:00:00.000Z",
                     *           "location": "https://account.region.batch.azure.com/jobs/job-001/tasks/part-2"
                     *         },
                     *         {
                     *           "taskId": "part-1",
                     *           "status": "clienterror",
                     *           "error": {
                     *             "code": "TaskExists",
                     *             "message": {
                     *               "lang": "en-US",
                     *               "value": "A task with this ID already exists in the job."
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TaskAddCollectionResult"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Task_Get: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Comma-separated list of top-level properties to return, for example `id,state`. Everything is returned when omitted. */
                $select?: components["parameters"]["Select"];
                /** @description Related data to include inline. In practice the only value is `stats`, which adds the resource's statistics. */
                $expand?: components["parameters"]["Expand"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
                /** @description Proceed only when the resource's current ETag equals this value; otherwise the service answers 412. */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description Proceed only when the resource's current ETag differs from this value; otherwise a read answers 304 and a write 412. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /** @description RFC 1123 date. Proceed only when the resource changed after it; otherwise a read answers 304 and a write 412. */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /** @description RFC 1123 date. Proceed only when the resource has not changed since it; otherwise the service answers 412. */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
                /** @description ID of the task the request targets. */
                taskId: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requested task. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    DataServiceId: components["headers"]["DataServiceId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CloudTask"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Task_Update: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
                /** @description Proceed only when the resource's current ETag equals this value; otherwise the service answers 412. */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description Proceed only when the resource's current ETag differs from this value; otherwise a read answers 304 and a write 412. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /** @description RFC 1123 date. Proceed only when the resource changed after it; otherwise a read answers 304 and a write 412. */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /** @description RFC 1123 date. Proceed only when the resource has not changed since it; otherwise the service answers 412. */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
                /** @description ID of the task the request targets. */
                taskId: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        /** @description The new task settings. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "constraints": {
                 *         "maxWallClockTime": "PT2H",
                 *         "retentionTime": "P1D",
                 *         "maxTaskRetryCount": 3
                 *       }
                 *     }
                 */
                "application/json; odata=minimalmetadata": components["schemas"]["TaskUpdateParameter"];
            };
        };
        responses: {
            /** @description The task was updated. The response has no body. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    DataServiceId: components["headers"]["DataServiceId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Task_Delete: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
                /** @description Proceed only when the resource's current ETag equals this value; otherwise the service answers 412. */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description Proceed only when the resource's current ETag differs from this value; otherwise a read answers 304 and a write 412. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /** @description RFC 1123 date. Proceed only when the resource changed after it; otherwise a read answers 304 and a write 412. */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /** @description RFC 1123 date. Proceed only when the resource has not changed since it; otherwise the service answers 412. */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
                /** @description ID of the task the request targets. */
                taskId: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task was deleted. The response has no body. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Task_ListSubtasks: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Comma-separated list of top-level properties to return, for example `id,state`. Everything is returned when omitted. */
                $select?: components["parameters"]["Select"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
                /** @description ID of the task the request targets. */
                taskId: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subtasks of the task. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CloudTaskListSubtasksResult"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Task_Reactivate: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
                /** @description Proceed only when the resource's current ETag equals this value; otherwise the service answers 412. */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description Proceed only when the resource's current ETag differs from this value; otherwise a read answers 304 and a write 412. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /** @description RFC 1123 date. Proceed only when the resource changed after it; otherwise a read answers 304 and a write 412. */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /** @description RFC 1123 date. Proceed only when the resource has not changed since it; otherwise the service answers 412. */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
                /** @description ID of the task the request targets. */
                taskId: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task is active again. */
            204: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    DataServiceId: components["headers"]["DataServiceId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Task_Terminate: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
                /** @description Proceed only when the resource's current ETag equals this value; otherwise the service answers 412. */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description Proceed only when the resource's current ETag differs from this value; otherwise a read answers 304 and a write 412. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /** @description RFC 1123 date. Proceed only when the resource changed after it; otherwise a read answers 304 and a write 412. */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /** @description RFC 1123 date. Proceed only when the resource has not changed since it; otherwise the service answers 412. */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
                /** @description ID of the task the request targets. */
                taskId: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task was terminated. */
            204: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    DataServiceId: components["headers"]["DataServiceId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Job_List: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description OData filter expression that limits which items are returned, for example `state eq 'active'`. Conditions can be joined with `and` and `or` and grouped with parentheses. */
                $filter?: components["parameters"]["Filter"];
                /** @description Comma-separated list of top-level properties to return, for example `id,state`. Everything is returned when omitted. */
                $select?: components["parameters"]["Select"];
                /** @description Related data to include inline. In practice the only value is `stats`, which adds the resource's statistics. */
                $expand?: components["parameters"]["Expand"];
                /** @description Largest number of items a single page may hold. */
                maxresults?: components["parameters"]["MaxResults"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of jobs. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CloudJobListResult"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Job_Add: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The job to create. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "job-001",
                 *       "priority": 0,
                 *       "poolInfo": {
                 *         "poolId": "pool-a"
                 *       }
                 *     }
                 */
                "application/json; odata=minimalmetadata": components["schemas"]["JobAddParameter"];
            };
        };
        responses: {
            /** @description The job was created. The response has no body. */
            201: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    DataServiceId: components["headers"]["DataServiceId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Job_Get: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Comma-separated list of top-level properties to return, for example `id,state`. Everything is returned when omitted. */
                $select?: components["parameters"]["Select"];
                /** @description Related data to include inline. In practice the only value is `stats`, which adds the resource's statistics. */
                $expand?: components["parameters"]["Expand"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
                /** @description Proceed only when the resource's current ETag equals this value; otherwise the service answers 412. */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description Proceed only when the resource's current ETag differs from this value; otherwise a read answers 304 and a write 412. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /** @description RFC 1123 date. Proceed only when the resource changed after it; otherwise a read answers 304 and a write 412. */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /** @description RFC 1123 date. Proceed only when the resource has not changed since it; otherwise the service answers 412. */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requested job. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CloudJob"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Job_Delete: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description When true, the service completes the action without waiting for the compute nodes to finish processing it. */
                force?: components["parameters"]["Force"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
                /** @description Proceed only when the resource's current ETag equals this value; otherwise the service answers 412. */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description Proceed only when the resource's current ETag differs from this value; otherwise a read answers 304 and a write 412. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /** @description RFC 1123 date. Proceed only when the resource changed after it; otherwise a read answers 304 and a write 412. */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /** @description RFC 1123 date. Proceed only when the resource has not changed since it; otherwise the service answers 412. */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deletion was accepted. The response has no body. */
            202: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Job_Terminate: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description When true, the service completes the action without waiting for the compute nodes to finish processing it. */
                force?: components["parameters"]["Force"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
                /** @description Proceed only when the resource's current ETag equals this value; otherwise the service answers 412. */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description Proceed only when the resource's current ETag differs from this value; otherwise a read answers 304 and a write 412. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /** @description RFC 1123 date. Proceed only when the resource changed after it; otherwise a read answers 304 and a write 412. */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /** @description RFC 1123 date. Proceed only when the resource has not changed since it; otherwise the service answers 412. */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        /** @description Optional reason for ending the job. */
        requestBody?: {
            content: {
                "application/json; odata=minimalmetadata": components["schemas"]["JobTerminateParameter"];
            };
        };
        responses: {
            /** @description Termination was accepted. The response has no body. */
            202: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    DataServiceId: components["headers"]["DataServiceId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    Job_GetTaskCounts: {
        parameters: {
            query: {
                /** @description Version of the Batch REST API the request is written against. */
                "api-version": components["parameters"]["ApiVersion"];
                /** @description Longest time, in seconds, the service may spend on the request. Values above 30 are treated as 30. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: {
                /** @description Caller-chosen identifier for the request: a bare GUID without braces, such as `9c4d50ee-2d56-4cd3-8152-34347dc9f2b0`. */
                "client-request-id"?: components["parameters"]["ClientRequestId"];
                /** @description When true, the service echoes `client-request-id` back in the response. */
                "return-client-request-id"?: components["parameters"]["ReturnClientRequestId"];
                /** @description When the request was sent, as an RFC 1123 date such as `Sun, 01 Jun 2025 10:00:00 GMT`. Shared Key signing takes it in place of the `Date` header; SDKs fill it with the current time. */
                "ocp-date"?: components["parameters"]["OcpDate"];
            };
            path: {
                /** @description ID of the job the request targets. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Task and slot counts for the job. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    "client-request-id": components["headers"]["ClientRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskCountsResult"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
}
