/**
 * Whether a customer message asks for a human. Checked before the model runs, so the request
 * is honoured even when the AI is offline or misbehaves.
 */
const PATTERNS = [
  /\b(talk|speak|chat)\s+(to|with)\s+(a|an|some|your)?\s*(real\s+)?(human|person|agent|representative|someone|operator)\b/i,
  /\b(real|actual|live)\s+(human|person|agent)\b/i,
  /\b(human|person|agent|representative|operator)\s*,?\s*(please|pls)\b/i,
  /^\s*(human|agent|operator|representative)\s*[.!?]*\s*$/i,
  /\bfalar\s+com\s+(um|uma)\s+(humano|pessoa|atendente)\b/i,
  /\bhablar\s+con\s+(un|una)\s+(humano|persona|agente)\b/i,
];

export const asksForHuman = (text: string): boolean => PATTERNS.some((p) => p.test(text));
