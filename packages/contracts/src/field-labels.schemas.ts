import type { z } from 'zod';
import { ServiceRequestInput, StationInput } from './concierge.contract.ts';
import { EnterpriseInput, ExpertInput, IndustryInput, InstituteInput } from './directory.contract.ts';
import type { FieldLabel } from './field-labels.ts';
import { CarrierInput, IncubateeInput } from './incubation.contract.ts';
import { PlatformInput, PlatformRegisterInput, PlatformUpdateInput } from './innovation.contract.ts';
import { AchievementInput, NeedInput } from './matchmaking.contract.ts';
import { CheckinInput, EventInput } from './matchmaking-events.contract.ts';
import {
  ProjectInput,
  ProjectMilestoneInput,
  ProjectOutputInput,
  ProjectUpdateInput,
} from './projects.contract.ts';
import { MilestoneInput, RecruitmentPlanInput } from './recruitment.contract.ts';
import { AgendaItemInput, DecisionInput, MeetingInput } from './roundtable.contract.ts';
import { TalentGroupInput, TalentInput, TalentProgrammeInput } from './talent.contract.ts';
import { WebhookCreateInput } from './webhooks.contract.ts';

type Labels = Record<string, FieldLabel>;

const project: Labels = {
  title: ['项目名称', 'project title'],
  kind: ['合作类型', 'kind of cooperation'],
  description: ['项目简介', 'project description'],
  amountFen: ['合同金额', 'contract amount'],
};
const platform: Labels = {
  name: ['平台名称', 'platform name'],
  kind: ['平台类型', 'platform kind'],
  city: ['所在地', 'location'],
};
const request: Labels = {
  title: ['诉求标题', 'request title'],
  description: ['诉求内容', 'request details'],
  kind: ['诉求类别', 'kind of request'],
};
const person: Labels = { name: ['姓名', 'name'], title: ['职称', 'professional title'] };

/** Fields a form labels differently from FIELD_LABELS, by the contract the form submits. */
export const SCHEMA_LABELS = new Map<z.ZodType, Labels>([
  [
    NeedInput,
    {
      title: ['需求名称', 'need title'],
      description: ['需求描述', 'need description'],
    },
  ],
  [
    AchievementInput,
    {
      instituteId: ['院所', 'institute'],
      title: ['成果名称', 'achievement title'],
    },
  ],
  [
    EventInput,
    {
      title: ['活动名称', 'event title'],
      kind: ['活动形式', 'event format'],
      heldOn: ['活动日期', 'event date'],
    },
  ],
  [CheckinInput, { attendeeName: ['签到人姓名', 'name of the person signing in'] }],
  [EnterpriseInput, { name: ['企业名称', 'enterprise name'] }],
  [InstituteInput, { name: ['院所名称', 'institute name'], kind: ['院所类别', 'institute kind'] }],
  [ExpertInput, { ...person, instituteId: ['所属院所', 'institute'] }],
  [IndustryInput, { name: ['产业名称', 'industry name'] }],
  [TalentInput, person],
  [TalentProgrammeInput, { name: ['人才计划名称', 'programme name'] }],
  [TalentGroupInput, { name: ['人才组织名称', 'group name'] }],
  [ProjectInput, project],
  [ProjectUpdateInput, project],
  [PlatformInput, platform],
  [PlatformRegisterInput, platform],
  [PlatformUpdateInput, platform],
  [ServiceRequestInput, request],
  [StationInput, { ...request, name: ['您的姓名', 'your name'] }],
  [MeetingInput, { title: ['会议名称', 'meeting title'], heldOn: ['会议日期', 'meeting date'] }],
  [DecisionInput, { content: ['议定内容', 'what was decided'] }],
  [AgendaItemInput, { '': ['议题', 'agenda item'], title: ['议题', 'agenda item'] }],
  [RecruitmentPlanInput, { title: ['方案名称', 'plan title'] }],
  [MilestoneInput, { title: ['节点名称', 'milestone'] }],
  [ProjectMilestoneInput, { title: ['节点名称', 'milestone'] }],
  [ProjectOutputInput, { title: ['产出名称', 'output title'], kind: ['产出类型', 'output kind'] }],
  [CarrierInput, { name: ['载体名称', 'carrier name'], kind: ['载体类型', 'carrier kind'] }],
  [IncubateeInput, { name: ['企业名称', 'enterprise name'] }],
  [WebhookCreateInput, { url: ['推送地址', 'delivery address'], events: ['推送事件', 'events'] }],
]);
