import {
  AgendaItemInput,
  ChairOptions,
  Decision,
  DecisionInput,
  DecisionList,
  DecisionListQuery,
  DecisionMoveInput,
  DecisionParams,
  ItemParams,
  Meeting,
  MeetingInput,
  MeetingList,
  MeetingParams,
  RoundtableHistory,
  RoundtableHistoryQuery,
} from './roundtable.contract.ts';
import { defineRoute } from './route.ts';

/** The round-table API (圆桌对话), declared once. */

const tags = ['roundtable'] as const;
const read = { resource: 'roundtable', action: 'read' } as const;
const create = { resource: 'roundtable', action: 'create' } as const;
const update = { resource: 'roundtable', action: 'update' } as const;
const exportAccess = { resource: 'roundtable', action: 'export' } as const;

export const ListMeetingsRoute = defineRoute({
  method: 'GET',
  path: '/api/roundtable/meetings',
  summary: '圆桌会议列表',
  tags,
  access: read,
  response: MeetingList,
});
export const GetMeetingRoute = defineRoute({
  method: 'GET',
  path: '/api/roundtable/meetings/:id',
  summary: '圆桌会议（议题、议定事项、可列入的议题建议）',
  tags,
  access: read,
  params: MeetingParams,
  response: Meeting,
});
export const CreateMeetingRoute = defineRoute({
  method: 'POST',
  path: '/api/roundtable/meetings',
  summary: '安排圆桌会议',
  tags,
  access: create,
  body: MeetingInput,
  response: Meeting,
});
export const MarkMeetingHeldRoute = defineRoute({
  method: 'POST',
  path: '/api/roundtable/meetings/:id/held',
  summary: '会议已召开',
  tags,
  access: create,
  params: MeetingParams,
  response: Meeting,
});
export const AddAgendaItemRoute = defineRoute({
  method: 'POST',
  path: '/api/roundtable/meetings/:id/items',
  summary: '列入议题（来自议题建议，或由主持方添加）',
  tags,
  access: create,
  params: MeetingParams,
  body: AgendaItemInput,
  response: Meeting,
});
export const AddDecisionRoute = defineRoute({
  method: 'POST',
  path: '/api/roundtable/meetings/:id/items/:itemId/decisions',
  summary: '议定事项（内容、责任人或部门、完成时限、办结佐证）',
  tags,
  access: create,
  params: ItemParams,
  body: DecisionInput,
  response: Meeting,
});
export const MoveDecisionStageRoute = defineRoute({
  method: 'POST',
  path: '/api/roundtable/decisions/:id/stage',
  summary: '议定事项：报送佐证、确认办结、退回、撤销',
  tags,
  access: update,
  params: DecisionParams,
  body: DecisionMoveInput,
  response: Decision,
});
export const ListDecisionsRoute = defineRoute({
  method: 'GET',
  path: '/api/roundtable/decisions',
  summary: '议定事项督办（未办结、逾期、我负责的）',
  tags,
  access: read,
  query: DecisionListQuery,
  response: DecisionList,
});
export const GetRoundtableHistoryRoute = defineRoute({
  method: 'GET',
  path: '/api/roundtable/history',
  summary: '一条记录的圆桌对话经历',
  tags,
  access: read,
  query: RoundtableHistoryQuery,
  response: RoundtableHistory,
});
export const ListChairsRoute = defineRoute({
  method: 'GET',
  path: '/api/roundtable/people',
  summary: '可选的主持领导与责任人',
  tags,
  access: read,
  response: ChairOptions,
});
export const ExportMinutesRoute = defineRoute({
  method: 'GET',
  path: '/api/roundtable/meetings/:id/minutes.docx',
  summary: '会议纪要（.docx）',
  tags,
  access: exportAccess,
  params: MeetingParams,
  kind: 'file',
});
export const ExportDecisionLedgerRoute = defineRoute({
  method: 'GET',
  path: '/api/roundtable/ledger.xlsx',
  summary: '议定事项督办台账（.xlsx，未办结）',
  tags,
  access: exportAccess,
  kind: 'file',
});
