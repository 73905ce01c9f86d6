import { linkifyText } from './linkify.ts';

/**
 * The prompt for an AI-drafted follow-up email: who writes (the agent's profile), to whom (the
 * contact), what was said (recent conversation), and what the agent asked for. The model answers
 * through the `write_email` tool, so subject and body arrive as separate fields.
 */

export type DraftSender = { name: string; title: string; company: string; phone: string; email: string };
export type DraftContact = { name: string; company: string; stage: string; notes: string; tags: string[] };
export type DraftHistoryLine = { direction: 'INBOUND' | 'OUTBOUND'; body: string; at: Date };
export type DraftChatMessage = { role: 'system' | 'user'; content: string };

export const WRITE_EMAIL_TOOL = {
  type: 'function',
  function: {
    name: 'write_email',
    description: 'Return the email to send.',
    parameters: {
      type: 'object',
      properties: {
        subject: { type: 'string', description: 'Short, specific subject line, no more than 80 characters.' },
        body: { type: 'string', description: 'The email body as plain text paragraphs separated by blank lines, starting with the greeting and ending with the closing line before the signature.' },
      },
      required: ['subject', 'body'],
      additionalProperties: false,
    },
  },
} as const;

/** Longest conversation excerpt given to the model, so a long thread cannot crowd out the task. */
const HISTORY_CHARS = 6000;

const line = (label: string, value: string) => (value.trim() ? `${label}: ${value.trim()}` : null);

export const buildEmailDraftMessages = ({
  sender,
  contact,
  history,
  instructions,
  taskTitle,
}: {
  sender: DraftSender;
  contact: DraftContact;
  history: DraftHistoryLine[];
  instructions: string;
  taskTitle: string | null;
}): DraftChatMessage[] => {
  const who = [
    `You write short, warm, professional sales follow-up emails on behalf of ${sender.name || 'a team member'}${sender.title ? `, ${sender.title}` : ''} at ${sender.company}.`,
    'Write in the language the customer used in the conversation, else English.',
    'Never invent facts, prices, dates or promises that are not in the context. Keep it under 150 words.',
    'Do not add a signature block: it is appended automatically. End with a closing line such as "Best regards,".',
    'Answer only by calling write_email.',
  ].join(' ');
  const profile = [line('Sender name', sender.name), line('Sender title', sender.title), line('Company', sender.company), line('Sender phone', sender.phone), line('Sender email', sender.email)];
  const about = [
    line('Contact name', contact.name),
    line('Contact company', contact.company),
    line('Pipeline stage', contact.stage.toLowerCase()),
    line('Tags', contact.tags.join(', ')),
    line('Notes', contact.notes),
  ];
  let transcript = '';
  for (const m of [...history].reverse()) {
    const next = `${m.direction === 'INBOUND' ? 'Customer' : 'Us'}: ${m.body.replace(/\s+/g, ' ').trim()}\n`;
    if (transcript.length + next.length > HISTORY_CHARS) break;
    transcript = next + transcript;
  }
  const user = [
    ...profile,
    ...about,
    taskTitle ? `Follow-up task: ${taskTitle}` : null,
    instructions.trim() ? `The sender asks: ${instructions.trim()}` : null,
    transcript ? `Recent conversation (oldest first):\n${transcript}` : 'There is no earlier conversation with this contact.',
  ].filter((l): l is string => l !== null);
  return [
    { role: 'system', content: who },
    { role: 'user', content: user.join('\n') },
  ];
};

/**
 * Plain-text paragraphs (and the agent's signature) as simple HTML for the rich-text editor, web
 * and email addresses made clickable (the model writes text, not markup).
 */
export const paragraphsToHtml = (body: string, signature: string): string => {
  const paragraphs = body
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${linkifyText(p).replaceAll('\n', '<br>')}</p>`);
  const sig = signature.trim() ? [`<p>${linkifyText(signature.trim()).replaceAll('\n', '<br>')}</p>`] : [];
  return [...paragraphs, ...sig].join('');
};
