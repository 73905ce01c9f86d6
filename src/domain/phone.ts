/**
 * Normalises a phone number as providers send it ("16505551234", "+1 650-555-1234",
 * "whatsapp:+16505551234") to E.164 ("+16505551234"), or null when it cannot be one.
 */
export const toE164 = (raw: string): string | null => {
  const withoutPrefix = raw.trim().replace(/^whatsapp:/i, '');
  const digits = withoutPrefix.replace(/[\s().-]/g, '').replace(/^\+/, '').replace(/^00/, '');
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null;
};
