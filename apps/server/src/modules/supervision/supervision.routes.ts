import { AgendaProposal, LightsRunResult, SupervisionRules, SupervisionRulesInput } from '@gaodi/contracts';
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
      schema: { tags, summary: '提请圆桌对话的红灯事项', response: { 200: z.array(AgendaProposal) } },
      preHandler: guard(auth, 'supervision', 'read'),
    },
    async (request) => supervision.listProposals(userCtx(request)),
  );
};
