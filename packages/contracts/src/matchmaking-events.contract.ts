import { z } from 'zod';
import { optionalText, pageOf, text } from './common.contract.ts';
import { Pairing } from './matchmaking.contract.ts';

/** Matchmaking events (对接活动): who was invited and came, what was presented, what followed. */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const EVENT_KINDS = ['roadshow', 'site_visit', 'online', 'forum', 'salon', 'other'] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;
export const EVENT_KIND_LABELS: Record<EventKind, { zh: string; en: string }> = {
  roadshow: { zh: '成果路演', en: 'Roadshow' },
  site_visit: { zh: '实地考察', en: 'Site visit' },
  online: { zh: '线上对接', en: 'Online matchmaking' },
  forum: { zh: '校地企对接会', en: 'University–county–enterprise forum' },
  salon: { zh: '技术沙龙', en: 'Technology salon' },
  other: { zh: '其他', en: 'Other' },
};

export const EventInput = z.object({
  title: text(120),
  kind: EventKind,
  heldOn: IsoDate,
  place: optionalText(200),
  isOnline: z.boolean().default(false),
  organiser: text(120),
  summary: optionalText(5000),
  invitedEnterpriseIds: z.array(z.uuid()).max(500).default([]),
  invitedInstituteIds: z.array(z.uuid()).max(500).default([]),
  needIds: z.array(z.uuid()).max(500).default([]),
  achievementIds: z.array(z.uuid()).max(500).default([]),
});
export type EventInput = z.input<typeof EventInput>;

export const EventParticipant = z.object({
  id: z.uuid(),
  partyKind: z.enum(['enterprise', 'institute', 'other']),
  enterpriseId: z.uuid().nullable(),
  instituteId: z.uuid().nullable(),
  orgName: z.string(),
  isInvited: z.boolean(),
  attendedAt: z.string().nullable(),
  attendeeName: z.string(),
});
export type EventParticipant = z.infer<typeof EventParticipant>;

export const EventSummary = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  title: z.string(),
  kind: EventKind,
  heldOn: z.string(),
  place: z.string(),
  isOnline: z.boolean(),
  organiser: z.string(),
  invited: z.number().int(),
  attended: z.number().int(),
  /** null: the reader may not read pairings (never a 0 that only means "none you may see"). */
  pairings: z.number().int().nullable(),
  projectsSigned: z.number().int(),
  projectsLanded: z.number().int(),
});
export type EventSummary = z.infer<typeof EventSummary>;
export const EventPage = pageOf(EventSummary);
export type EventPage = z.infer<typeof EventPage>;
export const EventListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: EventKind.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type EventListQuery = z.input<typeof EventListQuery>;

/** A project attributed to an event (signed from one of its pairings or recorded as its source). */
export const EventProject = z.object({
  id: z.uuid(),
  title: z.string(),
  stage: z.string(),
  signedOn: z.string().nullable(),
  landedOn: z.string().nullable(),
  amountFen: z.number().int(),
});
export type EventProject = z.infer<typeof EventProject>;

export const MatchmakingEvent = EventSummary.extend({
  summary: z.string(),
  /** Present for bureau users: the path of the phone sign-in page the QR code encodes. */
  checkinPath: z.string(),
  participants: z.array(EventParticipant),
  needs: z.array(z.object({ id: z.uuid(), title: z.string(), enterpriseName: z.string() })),
  achievements: z.array(z.object({ id: z.uuid(), title: z.string(), instituteName: z.string() })),
  pairingList: z.array(Pairing),
  projects: z.array(EventProject),
});
export type MatchmakingEvent = z.infer<typeof MatchmakingEvent>;

export const CheckinInfo = z.object({
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  isOnline: z.boolean(),
  organiser: z.string(),
  organisations: z.array(z.string()),
  /** The sign-in window (checkin_windows): sign-ins outside it are refused. */
  opensAt: z.string(),
  closesAt: z.string(),
});
export type CheckinInfo = z.infer<typeof CheckinInfo>;
export const CheckinParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
export const CheckinInput = z.object({
  orgName: text(120),
  attendeeName: text(40),
  /** A random id the sign-in page keeps on the phone: one sign-in per device and event. */
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '请在手机浏览器中打开签到页面后重试'),
});
export type CheckinInput = z.input<typeof CheckinInput>;
export const CheckinResult = z.object({ ok: z.literal(true), orgName: z.string() });

/** Counts of the matchmaking path for a year, computed from records (the article's figures). */
export const MatchmakingSummary = z.object({
  year: z.number().int(),
  events: z.number().int(),
  needs: z.number().int(),
  publishedNeeds: z.number().int(),
  achievements: z.number().int(),
  pairings: z.number().int(),
});
export type MatchmakingSummary = z.infer<typeof MatchmakingSummary>;

/**
 * When a region's events take QR sign-ins. Events carry a day, not an hour: sign-in opens
 * `opensHoursBefore` hours before the event's day begins and closes `closesHoursAfter` hours after
 * it ends (China time). A region that set nothing uses 2 h and 0 h.
 */
export const CheckinWindow = z.object({
  opensHoursBefore: z.number().int().min(0).max(168),
  closesHoursAfter: z.number().int().min(0).max(72),
});
export type CheckinWindow = z.infer<typeof CheckinWindow>;
export const DEFAULT_CHECKIN_WINDOW: CheckinWindow = { opensHoursBefore: 2, closesHoursAfter: 0 };
