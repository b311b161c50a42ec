import { PGlite } from '@electric-sql/pglite';
import { runBatch } from '../../../packages/matching/src/cli/run-batch.ts';
import { anchorTokenizer, ownerProfiles } from './anchor-common.ts';

// PostgreSQL ranking in PGlite over one profile document per owner: to_tsvector('simple') over
// pre-cut tokens, fields weighted A (title), B (keywords), D (text), GIN index, OR query,
// ts_rank with length normalisation 1 (divide by 1 + log length), the better of the two on dev.
await runBatch('pglite', async (docs, options) => {
  const tokenize = anchorTokenizer(options);
  const profiles = ownerProfiles(docs);
  const db = await PGlite.create();
  await db.exec('create table owner_profile (id integer primary key, tsv tsvector not null);');
  const batch = 200;
  for (let start = 0; start < profiles.length; start += batch) {
    const slice = profiles.slice(start, start + batch);
    const params: unknown[] = [];
    const rows = slice.map((profile, offset) => {
      params.push(
        start + offset,
        tokenize(profile.title).join(' '),
        tokenize(profile.keywords).join(' '),
        tokenize(profile.text).join(' '),
      );
      const p = offset * 4;
      return `($${p + 1}, setweight(to_tsvector('simple', $${p + 2}), 'A') || setweight(to_tsvector('simple', $${p + 3}), 'B') || setweight(to_tsvector('simple', $${p + 4}), 'D'))`;
    });
    await db.query(`insert into owner_profile (id, tsv) values ${rows.join(',')}`, params);
  }
  await db.exec('create index owner_profile_tsv on owner_profile using gin (tsv); analyze owner_profile;');
  const normalization = Number(options.normalization ?? 1);
  return {
    search: async (text, top) => {
      const tokens = [...new Set(tokenize(text))].join(' ');
      if (!tokens) return [];
      const result = await db.query<{ id: number; score: number }>(
        `with q as (select replace(plainto_tsquery('simple', $1)::text, ' & ', ' | ')::tsquery as q)
         select id, ts_rank(tsv, q.q, $3) as score from owner_profile, q
         where q.q <> ''::tsquery and tsv @@ q.q order by score desc, id limit $2`,
        [tokens, top, normalization],
      );
      return result.rows.map((row) => ({ owner: profiles[Number(row.id)]?.id ?? '', score: row.score }));
    },
  };
});
