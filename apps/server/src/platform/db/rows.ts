// Apart from database.ts so that code loaded by drizzle-kit (tables → modules → routes) can read
// rows without loading the drivers.

/** Rows of an `execute` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
