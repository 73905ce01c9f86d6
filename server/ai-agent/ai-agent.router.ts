import { ZAiAgentIdInput, ZCreateAiAgentInput, ZUpdateAiAgentInput } from '../../src/contracts/ai-agent.ts';
import { t } from '../trpc/init.ts';
import { adminProcedure, agentProcedure } from '../trpc/procedures.ts';
import { createAiAgent, deleteAiAgent, listAiAgents, updateAiAgent } from './manage-ai-agents.ts';

export const aiAgentRouter = t.router({
  list: agentProcedure.query(({ ctx }) => listAiAgents(ctx.deps, { tenantId: ctx.tenantId })),
  create: adminProcedure.input(ZCreateAiAgentInput).mutation(({ ctx, input }) => createAiAgent(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  update: adminProcedure.input(ZUpdateAiAgentInput).mutation(({ ctx, input }) => updateAiAgent(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  delete: adminProcedure.input(ZAiAgentIdInput).mutation(({ ctx, input }) => deleteAiAgent(ctx.deps, { ...input, tenantId: ctx.tenantId })),
});
