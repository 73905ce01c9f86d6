/**
 * `npm run simulate` plays Meta's WhatsApp Cloud API against a running `npm start`: inbound
 * messages from simulated customers, and delivery/read ticks for every reply.
 *
 *   npm run simulate -- --contacts 20 --rate 1 --duration 60 --server http://localhost:3000
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { readDemoChannel } from '../server/dev/demo-channel.ts';
import { startSimulator } from '../server/dev/simulator.ts';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '12' },
    rate: { type: 'string', default: '0.5' },
    duration: { type: 'string', default: '0' },
    server: { type: 'string' },
  },
});
const config = loadConfig();
const demo = readDemoChannel(config.dataDir);
if (!demo) {
  process.stderr.write(`No demo channel in ${config.dataDir}: start the demo first with \`npm start\` (no DATABASE_URL), then run this.\n`);
  process.exit(1);
}
const server = (values.server ?? `http://localhost:${config.port}`).replace(/\/$/, '');
const numbers = { contacts: Number(values.contacts), rate: Number(values.rate), duration: Number(values.duration) };
for (const [name, value] of Object.entries(numbers)) {
  if (!Number.isFinite(value) || value < 0) {
    process.stderr.write(`--${name} must be a non-negative number\n`);
    process.exit(1);
  }
}

const simulator = await startSimulator({
  target: { phoneNumberId: demo.phoneNumberId, displayPhoneNumber: demo.displayPhoneNumber, appSecret: demo.appSecret, webhookUrl: `${server}/webhooks/whatsapp/cloud` },
  accessToken: demo.accessToken,
  graphPort: demo.simulatorPort,
  contacts: Math.max(1, Math.floor(numbers.contacts)),
  rate: numbers.rate,
  durationSeconds: numbers.duration,
  onLog: (line) => process.stdout.write(`  ! ${line}\n`),
});
process.stdout.write(
  `Simulating ${numbers.contacts} WhatsApp contacts at ${numbers.rate} msg/s against ${server}\n` +
    `Fake Graph API for replies on ${simulator.graph.url}. Ctrl+C to stop.\n`,
);
const report = setInterval(() => {
  const s = simulator.stats;
  process.stdout.write(`  inbound ${s.inbound} · replies ${s.sends} · statuses ${s.statuses} · failures ${s.failures}\n`);
}, 10_000);
const stop = async () => {
  clearInterval(report);
  await simulator.stop();
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
await simulator.done;
clearInterval(report);
