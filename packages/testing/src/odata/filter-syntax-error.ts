// The error a malformed $filter text raises: where the text stopped making sense and what was
// expected there. Kept apart from the parser so the lexer can raise it too.

export class FilterSyntaxError extends Error {
  /** Zero-based offset into the filter text where the problem was found. */
  readonly position: number;

  constructor(description: string, position: number) {
    super(`Syntax error at position ${position}: ${description}`);
    this.name = "FilterSyntaxError";
    this.position = position;
  }
}
