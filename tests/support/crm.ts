import { randomUUID } from 'node:crypto';
import type { FakeSendgrid } from '../../server/dev/fake-sendgrid-server.ts';
import type { ApiUser } from './api-client.ts';

export const leadEmail = (label = 'lead') => `${label}-${randomUUID().slice(0, 10)}@example.com`;

/** A lead through the real API (its cadence tasks are created with it). */
export const createLead = (user: ApiUser, overrides: Partial<Parameters<ApiUser['http']['contact']['create']['mutate']>[0]> = {}) =>
  user.http.contact.create.mutate({ name: 'Lee Lead', email: leadEmail(), company: 'Globex', ...overrides });

/** Settings → Email as an admin would fill them in for a SendGrid account (the fake's key pair). */
export const connectSendgrid = (admin: ApiUser, fake: Pick<FakeSendgrid, 'publicKey'>, fromAddress = 'sales@acme.test') =>
  admin.http.email.updateSettings.mutate({ fromAddress, fromName: 'Acme Sales', apiKey: `SG.${randomUUID()}`, webhookPublicKey: fake.publicKey });
