/**
 * One part of `npm run seed:large`. Tickets, emails and leads add a file each beside
 * conversations.ts exporting a SeedStep, and one line in STEPS (scripts/seed-large.ts).
 */
export type SeedContext = {
  /** Runs one statement on the seeding connection (one session, so temp tables live across calls). */
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  tenantId: string;
  channelId: string;
  agentIds: string[];
  personaIds: string[];
  conversations: number;
  messagesPerConversation: number;
  days: number;
  /** Conversations the workspace already had: keeps generated phone numbers unique on a re-run. */
  offset: number;
};

export type SeedStep = {
  name: string;
  /** Returns what it made, by noun, for the summary. */
  run: (ctx: SeedContext) => Promise<Record<string, number>>;
};
