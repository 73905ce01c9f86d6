import { z } from 'zod';
import { TICKET_PRIORITIES, type TicketAnalysisResult, type TicketPriority, type TicketStatus } from '../contracts/ticket.ts';

export type AnalysisHistory = {
  number: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  tags: string[];
  contactName: string | null;
  comments: Array<{ at: string; author: string; internal: boolean; body: string }>;
  activity: Array<{ at: string; actor: string; field: string; from: string | null; to: string | null }>;
};

export type AnalysisMessage = { role: 'system' | 'user'; content: string };

/** Bounds the prompt: the newest comments matter most, and the model's context is finite. */
const MAX_COMMENTS = 60;
const MAX_CHARS = 40_000;

const INSTRUCTIONS = [
  'You analyse helpdesk tickets for a support team.',
  'Read the whole ticket history and answer with one JSON object only, with these keys:',
  '"summary" (2-4 sentences, what the customer needs and where it stands),',
  '"category" (a short label such as billing, delivery, technical, account, complaint, other),',
  '"sentiment" ("positive", "neutral" or "negative", the customer\'s),',
  `"suggestedPriority" (one of ${TICKET_PRIORITIES.map((p) => `"${p}"`).join(', ')}),`,
  '"nextActions" (an array of 1-5 short, concrete next steps for the agent).',
].join('\n');

/** The whole ticket (description, every comment, every change) as the model's input. */
export const buildAnalysisMessages = (h: AnalysisHistory): AnalysisMessage[] => {
  const comments = h.comments.slice(-MAX_COMMENTS).map((c) => `[${c.at}] ${c.author}${c.internal ? ' (internal note)' : ''}: ${c.body}`);
  const activity = h.activity.map((a) =>
    a.field === 'created' ? `[${a.at}] ${a.actor} created the ticket` : `[${a.at}] ${a.actor} changed ${a.field}: ${a.from ?? '—'} → ${a.to ?? '—'}`,
  );
  let body = [
    `Ticket #${h.number}: ${h.subject}`,
    `Status: ${h.status}. Priority: ${h.priority}.${h.tags.length ? ` Tags: ${h.tags.join(', ')}.` : ''}${h.contactName ? ` Customer: ${h.contactName}.` : ''}`,
    `Description:\n${h.description || '(none)'}`,
    `Comments (${h.comments.length}${h.comments.length > MAX_COMMENTS ? `, newest ${MAX_COMMENTS} shown` : ''}):\n${comments.join('\n') || '(none)'}`,
    `History:\n${activity.join('\n') || '(none)'}`,
  ].join('\n\n');
  if (body.length > MAX_CHARS) body = `…${body.slice(body.length - MAX_CHARS)}`;
  return [
    { role: 'system', content: INSTRUCTIONS },
    { role: 'user', content: body },
  ];
};

const ZResult = z.object({
  summary: z.string().trim().min(1).max(2000),
  category: z.string().trim().min(1).max(60),
  sentiment: z.enum(['positive', 'neutral', 'negative']),
  suggestedPriority: z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(TICKET_PRIORITIES)),
  nextActions: z.array(z.string().trim().min(1).max(300)).min(1).max(5),
});

/** The model's answer as a result, or a reason it cannot be used (shown as the failure). */
export const parseAnalysis = (text: string): { ok: true; result: TicketAnalysisResult } | { ok: false; error: string } => {
  // Models sometimes wrap JSON in a code fence despite being asked not to.
  const json = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: 'The AI did not answer with JSON.' };
  }
  const parsed = ZResult.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `The AI's answer was incomplete (${parsed.error.issues.map((i) => i.path.join('.') || 'answer').join(', ')}).` };
  return { ok: true, result: parsed.data };
};
