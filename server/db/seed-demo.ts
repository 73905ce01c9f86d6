import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Deps } from '../deps.ts';
import { seedDemoChannel } from '../dev/demo-channel.ts';
import { seedDemoCrm } from '../dev/demo-crm.ts';
import { seedDemoHelpdesk } from '../dev/demo-helpdesk.ts';
import { signUp } from '../team/sign-up.ts';

export type DemoLogin = { email: string; password: string };

/**
 * Seeds a demo workspace once per data directory and remembers its login there, so every start
 * can print it. The password is random per data directory. The workspace gets a WhatsApp channel
 * wired to `npm run simulate`, a few conversations, a few leads with tasks and emails, and a
 * helpdesk with SLA targets and tickets.
 */
export const seedDemoWorkspace = async (deps: Deps, dataDir: string, simulatorPort: number): Promise<DemoLogin | null> => {
  const loginFile = resolve(dataDir, 'demo-login.json');
  if (existsSync(loginFile)) return JSON.parse(readFileSync(loginFile, 'utf8')) as DemoLogin;
  if ((await deps.db.tenant.count()) > 0) return null;
  const login: DemoLogin = { email: 'admin@demo.switchboard.test', password: randomBytes(12).toString('base64url') };
  const { sessionToken, me } = await signUp(deps, {
    workspaceName: 'Demo workspace',
    name: 'Demo Admin',
    email: login.email,
    password: login.password,
  });
  await deps.lucia.invalidateSession(sessionToken);
  await seedDemoChannel(deps, { tenantId: me.workspace.id, actorId: me.user.id, dataDir, simulatorPort });
  await seedDemoCrm(deps, { tenantId: me.workspace.id, actorId: me.user.id });
  await seedDemoHelpdesk(deps, { tenantId: me.workspace.id, actorId: me.user.id });
  writeFileSync(loginFile, JSON.stringify(login), { mode: 0o600 });
  deps.log.info('seeded the demo workspace');
  return login;
};
