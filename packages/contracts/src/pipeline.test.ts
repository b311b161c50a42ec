import { describe, expect, it } from 'vitest';
import { needPipeline } from './matchmaking.contract.ts';
import { type CustomStage, checkMove, movesFrom, type Pipeline } from './pipeline.ts';
import { projectPipeline } from './projects.contract.ts';
import { recruitmentPipeline } from './recruitment.contract.ts';

// Each pipeline's allowed moves, written out by hand from DESIGN.md and the issues (not computed
// from the declaration the server uses): a change to a declaration must change this table too.
const RECRUITMENT = `
lead        -> contacted shelved dropped
contacted   -> negotiating lead shelved dropped
negotiating -> signed contacted shelved dropped
signed      -> landed dropped
landed      -> operating dropped
operating   ->
shelved     -> lead contacted negotiating dropped
dropped     -> lead`;
const NEED = `
collected  -> reviewed closed
reviewed   -> published collected closed
published  -> matching closed
matching   -> contracted published closed
contracted -> closed
closed     -> collected`;
const PROJECT = `
intention   -> signed stopped
signed      -> in_progress stopped
in_progress -> accepted stopped
accepted    -> landed stopped
landed      ->
stopped     ->`;

function parse(table: string): Map<string, string[]> {
  return new Map(
    table
      .trim()
      .split('\n')
      .map((line) => {
        const [from, to = ''] = line.split('->').map((s) => s.trim());
        return [from ?? '', to.split(/\s+/).filter(Boolean)];
      }),
  );
}

describe.each([
  ['recruitment', recruitmentPipeline as Pipeline<string>, RECRUITMENT],
  ['need', needPipeline as Pipeline<string>, NEED],
  ['project', projectPipeline as Pipeline<string>, PROJECT],
])('the %s pipeline', (_name, pipeline, table) => {
  const expected = parse(table);
  it('has exactly the stages of the table', () => {
    expect([...pipeline.stages].sort()).toEqual([...expected.keys()].sort());
  });
  it.each([...expected.keys()])('allows exactly the written moves from %s', (from) => {
    for (const to of pipeline.stages) {
      expect(pipeline.canMove(from, to), `${from} → ${to}`).toBe(expected.get(from)?.includes(to) ?? false);
    }
  });
});

const names = Object.fromEntries(
  recruitmentPipeline.stages.map((s) => [s, recruitmentPipeline.labels[s].zh]),
) as Record<string, string>;
const base = {
  pipeline: recruitmentPipeline as Pipeline<string>,
  custom: [] as CustomStage[],
  role: 'staff' as const,
  dates: {},
  today: '2027-03-15',
  names,
};

describe('checkMove', () => {
  it('refuses a move that is not allowed, naming where the record may go', () => {
    const [problem] = checkMove({
      ...base,
      from: { stage: 'lead', subStage: null },
      to: { stage: 'signed', subStage: null },
      input: {},
    });
    expect(problem?.title).toBe('不能从“线索”直接变更为“签约”');
    expect(problem?.message).toBe('允许的去向：接洽、搁置、终止');
  });

  it('asks for each requirement on its field, and refuses a signing date in the future', () => {
    const missing = checkMove({
      ...base,
      from: { stage: 'negotiating', subStage: null },
      to: { stage: 'signed', subStage: null },
      input: {},
    });
    expect(missing.map((p) => p.path).sort()).toEqual(['agreementFileId', 'signedOn']);
    const future = checkMove({
      ...base,
      from: { stage: 'negotiating', subStage: null },
      to: { stage: 'signed', subStage: null },
      input: { signedOn: '2027-03-16', agreementFileId: 'f' },
    });
    expect(future).toEqual([{ path: 'signedOn', message: '签约日期不能晚于今天' }]);
  });

  it('refuses a landing date before the signing date', () => {
    const problems = checkMove({
      ...base,
      pipeline: projectPipeline as Pipeline<string>,
      names: Object.fromEntries(projectPipeline.stages.map((s) => [s, projectPipeline.labels[s].zh])),
      from: { stage: 'accepted', subStage: null },
      to: { stage: 'landed', subStage: null },
      input: { landedOn: '2027-01-01' },
      dates: { signedOn: '2027-02-01' },
    });
    expect(problems).toEqual([{ path: 'landedOn', message: '落地日期不能早于签约日期（2027-02-01）' }]);
  });
});

describe('custom stages', () => {
  const diligence: CustomStage = {
    code: 'c_diligence',
    refines: 'negotiating',
    position: 1,
    label: '尽职调查',
    description: '',
    regionCode: '370828',
  };
  const custom = [diligence];
  const withNames = { ...names, c_diligence: '尽职调查' };

  it('sits inside the stage it refines: reachable from it, and leaving it works as leaving that stage', () => {
    const fromNegotiating = movesFrom(recruitmentPipeline as Pipeline<string>, custom, {
      stage: 'negotiating',
      subStage: null,
    });
    expect(fromNegotiating).toContainEqual({ stage: 'negotiating', subStage: 'c_diligence' });
    const fromDiligence = movesFrom(recruitmentPipeline as Pipeline<string>, custom, {
      stage: 'negotiating',
      subStage: 'c_diligence',
    });
    expect(fromDiligence).toContainEqual({ stage: 'signed', subStage: null });
    expect(fromDiligence).not.toContainEqual({ stage: 'negotiating', subStage: 'c_diligence' });
  });

  it('needs nothing to enter, and the built-in requirements to leave into 签约', () => {
    expect(
      checkMove({
        ...base,
        custom,
        names: withNames,
        from: { stage: 'negotiating', subStage: null },
        to: { stage: 'negotiating', subStage: 'c_diligence' },
        input: {},
      }),
    ).toEqual([]);
    const leaving = checkMove({
      ...base,
      custom,
      names: withNames,
      from: { stage: 'negotiating', subStage: 'c_diligence' },
      to: { stage: 'signed', subStage: null },
      input: { signedOn: '2027-03-01', agreementFileId: 'f' },
    });
    expect(leaving).toEqual([]);
  });

  it('is not reachable from a stage it does not refine', () => {
    const [problem] = checkMove({
      ...base,
      custom,
      names: withNames,
      from: { stage: 'lead', subStage: null },
      to: { stage: 'negotiating', subStage: 'c_diligence' },
      input: {},
    });
    expect(problem?.title).toBe('不能从“线索”直接变更为“尽职调查”');
  });
});
