import { aiAgentRouter } from '../ai-agent/ai-agent.router.ts';
import { aiDraftRouter } from '../ai-agent/ai-draft.router.ts';
import { authRouter } from '../auth/auth.router.ts';
import { channelRouter } from '../channels/channel.router.ts';
import { conversationRouter } from '../conversation/conversation.router.ts';
import { eventsRouter } from '../realtime/events.router.ts';
import { presenceRouter } from '../realtime/presence.router.ts';
import { teamRouter } from '../team/team.router.ts';
import { t } from './init.ts';

export const appRouter = t.router({
  auth: authRouter,
  team: teamRouter,
  events: eventsRouter,
  channel: channelRouter,
  conversation: conversationRouter,
  aiAgent: aiAgentRouter,
  presence: presenceRouter,
  aiDraft: aiDraftRouter,
});

export type AppRouter = typeof appRouter;
