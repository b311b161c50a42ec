import type { MatchmakingEvent } from '@gaodi/contracts';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeEventReport } from './matchmaking.report.ts';

const event: MatchmakingEvent = {
  id: '00000000-0000-4000-8000-000000000001',
  regionCode: '370828',
  title: '储能技术对接会',
  kind: 'forum',
  heldOn: '2026-11-28',
  place: '金乡县',
  isOnline: false,
  organiser: '金乡县科学技术局',
  invited: 1,
  attended: 1,
  pairings: 0,
  projectsSigned: 0,
  projectsLanded: 0,
  summary: '',
  checkinPath: '/checkin/x',
  participants: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      partyKind: 'institute',
      enterpriseId: null,
      instituteId: null,
      orgName: '大连理工大学',
      isInvited: true,
      // 09:00 in Jinxiang is 01:00 UTC.
      attendedAt: '2026-11-28T01:00:00.000Z',
      attendeeName: '高新宇',
    },
  ],
  needs: [],
  achievements: [],
  pairingList: [],
  projects: [],
};

describe('event report', () => {
  it('prints a 09:00 sign-in in Jinxiang as 09:00 (China time), whatever the server’s TZ', async () => {
    const zip = await JSZip.loadAsync(await writeEventReport(event, '2026年11月29日'));
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('2026-11-28 09:00');
    expect(text).not.toContain('2026-11-28 01:00');
  });
});
