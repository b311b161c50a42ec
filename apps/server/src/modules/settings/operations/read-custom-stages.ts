import type { CustomStage, StagePipeline } from '@gaodi/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.ts';
import { customStages } from '../settings.table.ts';

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * The custom stages a region uses in one pipeline: its own and those of the regions above it (a
 * city's stages reach its counties), retired ones left out unless `withRetired` (a record may
 * still sit in a retired stage; its name must resolve).
 */
export async function readCustomStages(
  tx: Tx,
  regionCode: string,
  pipeline: StagePipeline,
  { withRetired = false } = {},
): Promise<CustomStage[]> {
  const chain = rowsOf<{ code: string }>(
    await tx.execute(sql`
      WITH RECURSIVE chain AS (
        SELECT code, parent_code, 0 AS depth FROM regions WHERE code = ${regionCode}
        UNION ALL
        SELECT r.code, r.parent_code, c.depth + 1 FROM regions r JOIN chain c ON r.code = c.parent_code
        WHERE c.depth < 8
      )
      SELECT code FROM chain ORDER BY depth`),
  ).map((r) => r.code);
  if (chain.length === 0) return [];
  const rows = await tx
    .select()
    .from(customStages)
    .where(
      and(
        inArray(customStages.regionCode, chain),
        eq(customStages.pipeline, pipeline),
        withRetired ? undefined : eq(customStages.isRetired, false),
      ),
    );
  return rows
    .map((r) => ({
      code: r.code,
      refines: r.refines,
      position: r.position,
      label: r.label,
      description: r.description,
      regionCode: r.regionCode,
    }))
    .sort((a, b) => a.refines.localeCompare(b.refines) || a.position - b.position);
}
