import { PGlite } from '@electric-sql/pglite';
import { runBatch } from '../../../packages/matching/src/cli/run-batch.ts';
import { DOCUMENT_DEPTH, fieldText, jiebaTokens, ownersByBestDocument } from './anchor-common.ts';

// PostgreSQL ranking in PGlite: to_tsvector('simple') over jieba tokens, fields weighted
// A (title), B (keywords), D (text), GIN index, OR query, ts_rank_cd.
await runBatch('pglite', async (docs) => {
  const db = await PGlite.create();
  await db.exec(`
    create table doc (id integer primary key, tsv tsvector not null);
  `);
  const batch = 500;
  for (let start = 0; start < docs.length; start += batch) {
    const slice = docs.slice(start, start + batch);
    const params: unknown[] = [];
    const rows = slice.map((doc, offset) => {
      params.push(
        start + offset,
        jiebaTokens(fieldText(doc, 'title')).join(' '),
        jiebaTokens(fieldText(doc, 'keywords')).join(' '),
        jiebaTokens(fieldText(doc, 'text')).join(' '),
      );
      const p = offset * 4;
      return `($${p + 1}, setweight(to_tsvector('simple', $${p + 2}), 'A') || setweight(to_tsvector('simple', $${p + 3}), 'B') || setweight(to_tsvector('simple', $${p + 4}), 'D'))`;
    });
    await db.query(`insert into doc (id, tsv) values ${rows.join(',')}`, params);
  }
  await db.exec('create index doc_tsv on doc using gin (tsv); analyze doc;');
  return {
    search: async (text, top) => {
      const tokens = jiebaTokens(text).join(' ');
      if (!tokens) return [];
      const result = await db.query<{ id: number; score: number }>(
        `with q as (select replace(plainto_tsquery('simple', $1)::text, ' & ', ' | ')::tsquery as q)
         select id, ts_rank_cd(tsv, q.q) as score from doc, q
         where q.q <> ''::tsquery and tsv @@ q.q order by score desc, id limit $2`,
        [tokens, DOCUMENT_DEPTH],
      );
      return ownersByBestDocument(result.rows, (id) => docs[Number(id)]?.owners ?? [], top);
    },
  };
});
