import type { IncomingMessage, ServerResponse } from 'node:http';
import { reply } from './webhook-response.ts';

export class BodyTooLargeError extends Error {}

/** Reads the raw request body (signatures are over these exact bytes), refusing past `limit`. */
export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });

/** The raw body, or null after answering 413 when it is larger than `limit`. */
export const readBodyOr413 = async (req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> => {
  try {
    return await readBody(req, limit);
  } catch (err) {
    if (!(err instanceof BodyTooLargeError)) throw err;
    reply(res, 413, 'Payload too large');
    return null;
  }
};
