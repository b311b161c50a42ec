import type { EntryKind, Grade, Stage } from '@gaodi/contracts';
import type { DemoCalendar } from '../demo-calendar.ts';

/** A step of a record's ledger: a contact, a visit, a stage move (`to`), with the next step planned. */
export type Step = {
  on: string;
  kind: EntryKind;
  content: string;
  result?: string;
  next?: [string, string];
  to?: Stage;
};

export type DemoRecord = {
  institute: string;
  /** Added to the directory if the foundation's demo does not have it. */
  newInstitute?: { kind: string; level: string; city: string };
  grade: Grade;
  industry: string;
  mode: string;
  isGreenChannel?: boolean;
  platform?: string;
  signedOn?: string;
  exitReason?: string;
  steps: Step[];
  milestones?: { title: string; dueOn: string; doneOn?: string; proofNote?: string }[];
};

export const contact = (on: string, who: string): Step => ({
  on,
  kind: 'call',
  content: `与${who}电话联系，介绍金乡县主导产业和招引政策`,
  result: '对方表示有合作意向',
  next: ['安排上门走访', on],
  to: 'contacted',
});

/**
 * A record's dates in the loading year: a signed record is the year's story (`day`), a record not
 * signed keeps its distance from today (`ago`), so the leads quiet for months stay red that long.
 */
export function placeRecord(r: DemoRecord, cal: DemoCalendar): DemoRecord {
  const on = r.signedOn ? cal.day : cal.ago;
  return {
    ...r,
    signedOn: r.signedOn && on(r.signedOn),
    steps: r.steps.map((s) => ({ ...s, on: on(s.on), next: s.next && [s.next[0], on(s.next[1])] })),
    milestones: r.milestones?.map((m) => ({ ...m, dueOn: on(m.dueOn), doneOn: m.doneOn && on(m.doneOn) })),
  };
}
