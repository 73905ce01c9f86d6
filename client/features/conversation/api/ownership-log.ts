import type { QueryClient } from '@tanstack/react-query';
import type { OwnershipChangeDto } from '../../../../src/contracts/conversation.ts';
import { formatClock } from '../../../lib/format.ts';
import type { ThreadEvent } from './thread-items.ts';

/**
 * A conversation's ownership changes, for the small timeline lines in the thread ("Ana took over
 * from the AI · 2:02 PM"): the history from the server, merged with changes seen live on the
 * event stream. An entry's id is its ownerVersion, so both sources name a change the same way.
 */
export type OwnershipEntry = { id: string; conversationId: string; at: string; change: OwnershipChangeDto };

export const logKey = (conversationId: string) => ['conversation', 'ownership-log', conversationId] as const;

export const mergeOwnershipEntries = (list: readonly OwnershipEntry[], more: readonly OwnershipEntry[]) => {
  const byId = new Map(list.map((e) => [e.id, e]));
  for (const e of more) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => a.change.version - b.change.version);
};

export const entryOf = (conversationId: string, at: string, change: OwnershipChangeDto): OwnershipEntry => ({
  id: `${conversationId}:${change.version}`,
  conversationId,
  at,
  change,
});

export const addOwnershipEntry = (queryClient: QueryClient, entry: OwnershipEntry) =>
  queryClient.setQueryData<OwnershipEntry[]>(logKey(entry.conversationId), (list = []) => mergeOwnershipEntries(list, [entry]));


type NameOf = (userId: string | null) => string | null;

const ownerPhrase = (kind: OwnershipChangeDto['from'], assigneeId: string | null, nameOf: NameOf) =>
  kind === 'AI' ? 'the AI' : kind === 'QUEUE' ? 'the queue' : (nameOf(assigneeId) ?? 'a teammate');

/** One sentence per change, from the viewer's side ("You took over from the AI"). */
export const describeOwnershipChange = (change: OwnershipChangeDto, nameOf: NameOf): string => {
  const actor = change.actorId ? (nameOf(change.actorId) ?? 'A teammate') : null;
  const from = ownerPhrase(change.from, change.fromAssigneeId, nameOf);
  if (!actor) return change.from === 'AI' && change.to === 'QUEUE' ? `AI escalated: ${change.reason}` : `Moved to ${ownerPhrase(change.to, change.toAssigneeId, nameOf)}`;
  if (change.to === 'AI') return `${actor} handed the conversation back to the AI`;
  if (change.to === 'QUEUE') return `${actor} released the conversation to the queue`;
  if (change.toAssigneeId === change.actorId) return `${actor} took over from ${from}`;
  const to = nameOf(change.toAssigneeId) ?? 'a teammate';
  return `${actor} assigned the conversation to ${to === 'You' ? 'you' : to}`;
};

export const toThreadEvents = (entries: readonly OwnershipEntry[], nameOf: NameOf): ThreadEvent[] =>
  entries.map((e) => ({
    id: e.id,
    at: e.at,
    text: `${describeOwnershipChange(e.change, nameOf)} · ${formatClock(e.at)}`,
    tone: e.change.to === 'AI' ? 'ai' : e.change.to === 'QUEUE' ? 'queue' : 'human',
    claimedBy: e.change.from === 'QUEUE' && e.change.to === 'HUMAN' && e.change.toAssigneeId === e.change.actorId ? e.change.actorId : null,
  }));
