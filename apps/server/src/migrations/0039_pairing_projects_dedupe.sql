-- A pairing produces at most one project (the unique index of the next migration). Projects signed
-- twice from one pairing before it keep their record but lose the second link: the oldest keeps it.
UPDATE cooperation_projects p SET source_pairing_id = NULL
WHERE source_pairing_id IS NOT NULL AND EXISTS (
  SELECT 1 FROM cooperation_projects q
  WHERE q.source_pairing_id = p.source_pairing_id
    AND (q.created_at, q.id) < (p.created_at, p.id)
);
