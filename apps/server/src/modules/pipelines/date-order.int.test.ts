import {
  decisionPipeline,
  incubateePipeline,
  needPipeline,
  type Pipeline,
  projectPipeline,
  recruitmentPipeline,
  serviceRequestPipeline,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

/** Every pipeline and the table its records live in: a new pipeline must be added here. */
const PIPELINES: [Pick<Pipeline<string>, 'key' | 'dateOrder' | 'requires'>, string][] = [
  [projectPipeline, 'cooperation_projects'],
  [recruitmentPipeline, 'recruitment_records'],
  [needPipeline, 'tech_needs'],
  [serviceRequestPipeline, 'service_requests'],
  [incubateePipeline, 'incubatees'],
  [decisionPipeline, 'roundtable_decisions'],
];

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('date order is enforced by the database, for every pipeline', () => {
  it('each declared date-order rule has a CHECK constraint on its pipeline’s table', async () => {
    const checks = rowsOf<{ table: string; def: string }>(
      await t.db.owner.execute(sql`SELECT conrelid::regclass::text AS table, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE contype = 'c'`),
    );
    let rules = 0;
    for (const [pipeline, table] of PIPELINES) {
      for (const [earlier, later] of pipeline.dateOrder) {
        rules += 1;
        const rule = `${snake(later)} >= ${snake(earlier)}`;
        const found = checks.some((c) => c.table === table && c.def.replace(/[()"]/g, '').includes(rule));
        expect(found, `${pipeline.key}: ${later} on or after ${earlier} on ${table}`).toBe(true);
      }
    }
    expect(rules).toBeGreaterThan(0);
  });

  it('every done date (isNotFuture) is refused in the future by the database, whoever writes it', async () => {
    let rules = 0;
    for (const [pipeline, table] of PIPELINES) {
      const requirements = Object.values(pipeline.requires).flatMap((r) => r ?? []);
      for (const req of requirements) {
        if (req.kind !== 'date' || !req.isNotFuture) continue;
        rules += 1;
        const column = sql.identifier(snake(req.field));
        const refused = await t.db.owner
          .execute(
            sql`UPDATE ${sql.identifier(table)} SET ${column} = '2999-01-01'
            WHERE id = (SELECT id FROM ${sql.identifier(table)} LIMIT 1) RETURNING id`,
          )
          .then(
            () => 'written',
            (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e),
          );
        expect(refused, `${pipeline.key}: ${req.field} on ${table}`).toMatch(/in the future/);
      }
    }
    expect(rules).toBeGreaterThanOrEqual(4);
  });

  it('SQL that writes a landing before the signing is refused, whoever writes it', async () => {
    const [p] = rowsOf<{ id: string }>(
      await t.db.owner.execute(sql`SELECT id FROM cooperation_projects LIMIT 1`),
    );
    await expect(
      t.db.owner.execute(sql`UPDATE cooperation_projects SET signed_on = '2026-03-01', landed_on = '2026-02-01'
        WHERE id = ${p?.id}`),
    ).rejects.toThrow();
  });

  it('the API refuses it with the field named', async () => {
    const staff = await t.login('jx_staff');
    const created = await staff.post('/api/projects', {
      title: '日期顺序测试项目',
      kind: 'development',
      enterpriseIds: [],
      instituteIds: [
        rowsOf<{ id: string }>(
          await t.db.owner.execute(sql`SELECT id FROM institutes WHERE region_code = '370828' LIMIT 1`),
        )[0]?.id,
      ],
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const move = (body: object) => staff.post(`/api/projects/${id}/stage`, body);
    expect((await move({ to: 'signed', signedOn: '2026-03-01', contractNo: 'D-1' })).statusCode).toBe(200);
    expect((await move({ to: 'in_progress' })).statusCode).toBe(200);
    expect((await move({ to: 'accepted' })).statusCode).toBe(200);
    const early = await move({ to: 'landed', landedOn: '2026-02-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields.map((f: { path: string }) => f.path)).toContain('landedOn');
  });
});
