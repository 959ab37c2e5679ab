// OData query options of the emulator's get and list operations: $filter parsing, checking,
// evaluation and printing, and $select/$expand. Their errors carry the reason; the service
// turns them into its 400 InvalidQueryParameterValue.

export {
  compileFilter,
  type FieldType,
  FilterError,
  type FilterField,
  type FilterFields,
  type FilterOperator,
} from "./filter-compiler.js";
export {
  JOB_STATES,
  type JobView,
  jobFilterFields,
  TASK_RESULTS,
  TASK_STATES,
  type TaskView,
  taskFilterFields,
} from "./filter-fields.js";
export { formatFilter, formatLiteral } from "./filter-format.js";
export {
  type ComparisonOperator,
  type FilterLiteral,
  type FilterNode,
  FilterSyntaxError,
  MAX_FILTER_DEPTH,
  MAX_FILTER_LENGTH,
  parseFilter,
} from "./filter-parser.js";
export { parseIsoDateTime } from "./iso-datetime.js";
export {
  parseExpand,
  parseSelect,
  projectSelect,
  SelectError,
  type SelectParameter,
} from "./select.js";
export {
  jobSelectableProperties,
  subtaskSelectableProperties,
  taskSelectableProperties,
} from "./selectable-properties.js";
