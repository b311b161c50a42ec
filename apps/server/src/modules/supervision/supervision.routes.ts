import {
  AgendaDecisionInput,
  AgendaProposal,
  AgendaProposalInput,
  AgendaProposalListQuery,
  IdParams,
  LightsRunResult,
  SupervisionRules,
  SupervisionRulesInput,
} from '@gaodi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guard, userCtx } from '../../platform/auth/auth.plugin.ts';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { SupervisionService } from './supervision.service.ts';

export const supervisionRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  supervision: SupervisionService;
}> = async (app, { auth, supervision }) => {
  const tags = ['supervision'];
  app.get(
    '/api/supervision/rules',
    {
      schema: { tags, summary: '本区域督办亮灯规则', response: { 200: SupervisionRules } },
      preHandler: guard(auth, 'supervision_rule', 'read'),
    },
    async (request) => supervision.getRules(userCtx(request)),
  );
  app.put(
    '/api/supervision/rules',
    {
      schema: {
        tags,
        summary: '设置本区域督办亮灯规则',
        body: SupervisionRulesInput,
        response: { 200: SupervisionRules },
      },
      preHandler: guard(auth, 'supervision_rule', 'update'),
    },
    async (request) => supervision.setRules(userCtx(request), request.body),
  );
  app.post(
    '/api/supervision/refresh',
    {
      schema: {
        tags,
        summary: '立即重新计算本区域亮灯（不发送督办提醒）',
        response: { 200: LightsRunResult },
      },
      preHandler: guard(auth, 'supervision', 'update'),
    },
    async (request) => supervision.refreshRegion(userCtx(request)),
  );
  app.get(
    '/api/supervision/proposals',
    {
      schema: {
        tags,
        summary: '提请圆桌对话的红灯事项（最新在前）',
        querystring: AgendaProposalListQuery,
        response: { 200: z.array(AgendaProposal) },
      },
      preHandler: guard(auth, 'roundtable_proposal', 'read'),
    },
    async (request) => supervision.listProposals(userCtx(request), request.query),
  );
  app.post(
    '/api/supervision/proposals',
    {
      schema: {
        tags,
        summary: '将红灯事项提请圆桌对话（领导提请即列入议程）',
        body: AgendaProposalInput,
        response: { 200: AgendaProposal },
      },
      preHandler: guard(auth, 'roundtable_proposal', 'create'),
    },
    async (request) => supervision.proposeItem(userCtx(request), request.body),
  );
  app.post(
    '/api/supervision/proposals/:id/decision',
    {
      schema: {
        tags,
        summary: '领导决定：列入圆桌议程或暂不列入（须写明原因）',
        params: IdParams,
        body: AgendaDecisionInput,
        response: { 200: AgendaProposal },
      },
      preHandler: guard(auth, 'roundtable_proposal', 'update'),
    },
    async (request) => supervision.decideProposal(userCtx(request), request.params.id, request.body),
  );
};
