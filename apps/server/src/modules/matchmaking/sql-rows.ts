/**
 * Rows of an `execute` result, whichever driver produced it — the same as the platform's `rowsOf`,
 * repeated here because this module's tables are loaded by drizzle-kit (through the projects
 * tables' references), whose CommonJS loader cannot evaluate platform/db/database.ts.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
