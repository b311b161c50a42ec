import type { Platform } from '@gaodi/contracts';
import type { platforms } from '../innovation.table.ts';

/** A platforms row as the minimal `Platform` shape recruitment shows. */
export const toPlatform = (r: typeof platforms.$inferSelect): Platform => ({
  id: r.id,
  regionCode: r.regionCode,
  name: r.name,
  kind: r.kind as Platform['kind'],
  level: r.level as Platform['level'],
  industryId: r.industryId,
  partners: r.partners,
  city: r.city,
  createdAt: r.createdAt.toISOString(),
});
