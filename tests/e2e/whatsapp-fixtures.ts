import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, crc32 } from 'node:zlib';

/** What the inbox specs share: a gate in front of the fake Graph API, payloads the builder lacks, a small image. */

export type GraphGate = {
  url: string;
  /** Sends wait at the gate until released (to see "Sending" before the provider answers). */
  hold: () => void;
  release: () => void;
  close: () => Promise<void>;
};

/** A pass-through proxy to the fake Graph server whose message sends can be held back. */
export const startGraphGate = async (graphUrl: string): Promise<GraphGate> => {
  let holding = false;
  let waiting: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const forward = async () => {
        const headers: Record<string, string> = {};
        for (const name of ['authorization', 'content-type']) {
          const value = req.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        const upstream = await fetch(`${graphUrl}${req.url ?? '/'}`, {
          method: req.method ?? 'GET',
          headers,
          ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}),
        });
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      };
      if (req.method === 'POST' && holding) waiting.push(() => void forward());
      else await forward();
    })();
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      const queued = waiting;
      waiting = [];
      for (const go of queued) go();
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((closed) => server.close(() => closed()));
    },
  };
};

export const randomPhoneNumberId = () => `${randomInt(100_000_000, 999_999_999)}${randomInt(100_000, 999_999)}`;
export { randomPhone as randomContactPhone } from '../support/whatsapp.ts';
export { inboundPayload } from '../../server/dev/cloud-webhook-builder.ts';
export const randomSecret = () => randomBytes(16).toString('hex');

/** A real PNG (a soft two-tone gradient), small enough to inline, for the media proxy to serve. */
export const samplePng = (width = 240, height = 160): Buffer => {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const t = (x + y) / (width + height);
      row[1 + x * 3] = Math.round(199 - 60 * t);
      row[2 + x * 3] = Math.round(210 - 40 * t);
      row[3 + x * 3] = Math.round(254 - 20 * t);
    }
    rows.push(row);
  }
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([png, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
};
