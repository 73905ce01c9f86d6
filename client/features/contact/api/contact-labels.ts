import type { ContactSource, ContactStage } from '../../../../src/contracts/contact.ts';

export const STAGE_LABELS: Record<ContactStage, string> = {
  NEW: 'New',
  CONTACTED: 'Contacted',
  QUALIFIED: 'Qualified',
  WON: 'Won',
  LOST: 'Lost',
};

export const SOURCE_LABELS: Record<ContactSource, string> = {
  WHATSAPP: 'WhatsApp',
  WEB_FORM: 'Web form',
  EMAIL: 'Email',
  MANUAL: 'Manual',
  IMPORT: 'Import',
};

/** A contact's name, else its email, else its number. */
export const contactLabel = (c: { name: string; email: string | null; phone: string | null }): string =>
  c.name.trim() || c.email || c.phone || 'Unnamed contact';
