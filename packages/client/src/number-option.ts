// The check every numeric option goes through: a number of at least its minimum, or unset. NaN
// is never at least anything, so it is refused too, rather than turning into zero workers, a
// busy poll or a no-op run.

/**
 * `options[name]`, or `fallback` when it is unset. Anything else but a number of at least `min`
 * (NaN, a string, less than `min`) is a TypeError that names the option.
 */
export function numberOption<O extends object>(
  options: O,
  name: keyof O & string,
  fallback: number,
  min = 0,
): number {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value >= min)) {
    throw new TypeError(`${name} must be a number >= ${min}`);
  }
  return value;
}
