import type { ConversationDto } from '../../../../src/contracts/conversation.ts';

export type Viewer = { id: string; isSupervisor: boolean };
export type AiStatus = { online: boolean; persona: { id: string; name: string } | null };

/** What the viewer may do about who owns a conversation; mirrors src/domain/conversation-ownership.ts. */
export type Ownership = {
  kind: 'ai' | 'queue' | 'mine' | 'other';
  canSend: boolean;
  canTakeOver: boolean;
  canHandBack: boolean;
  /** Why handing back cannot work right now (shown as the disabled button's tooltip). */
  handBackBlocked: string | null;
  canRelease: boolean;
  canAssign: boolean;
};

export const ownershipFor = (c: Pick<ConversationDto, 'owner' | 'assigneeId'>, viewer: Viewer, ai: AiStatus): Ownership => {
  const kind = c.owner === 'AI' ? 'ai' : c.owner === 'QUEUE' ? 'queue' : c.assigneeId === viewer.id ? 'mine' : 'other';
  const mayManage = kind !== 'other' || viewer.isSupervisor;
  return {
    kind,
    // Replying to a queued conversation claims it.
    canSend: kind === 'mine' || kind === 'queue',
    canTakeOver: kind === 'ai' || kind === 'queue',
    canHandBack: kind !== 'ai' && mayManage,
    handBackBlocked: !ai.online
      ? 'The AI is offline: no OpenAI API key is configured.'
      : !ai.persona
        ? 'No active AI agent answers this channel. Add one in Settings → AI agents.'
        : null,
    canRelease: (kind === 'mine' || kind === 'other') && mayManage,
    canAssign: mayManage,
  };
};
