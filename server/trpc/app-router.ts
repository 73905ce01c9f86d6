import { aiAgentRouter } from '../ai-agent/ai-agent.router.ts';
import { aiDraftRouter } from '../ai-agent/ai-draft.router.ts';
import { authRouter } from '../auth/auth.router.ts';
import { channelRouter } from '../channels/channel.router.ts';
import { contactRouter } from '../contact/contact.router.ts';
import { formRouter } from '../contact/form.router.ts';
import { conversationRouter } from '../conversation/conversation.router.ts';
import { dashboardRouter } from '../dashboard/dashboard.router.ts';
import { emailRouter } from '../email/email.router.ts';
import { eventsRouter } from '../realtime/events.router.ts';
import { notificationRouter } from '../notification/notification.router.ts';
import { presenceRouter } from '../realtime/presence.router.ts';
import { taskRouter } from '../task/task.router.ts';
import { teamRouter } from '../team/team.router.ts';
import { ticketRouter } from '../ticket/ticket.router.ts';
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
  dashboard: dashboardRouter,
  contact: contactRouter,
  webForm: formRouter,
  task: taskRouter,
  email: emailRouter,
  ticket: ticketRouter,
  notification: notificationRouter,
});

export type AppRouter = typeof appRouter;
