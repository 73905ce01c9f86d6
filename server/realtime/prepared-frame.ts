/**
 * A text message shared by many sockets (one event batch to every subscriber of a node) framed
 * once. A server's frames are not masked (RFC 6455 §5.1), so a message's whole frame, header
 * and payload, is the same bytes on every socket and can be written as it is: one write per
 * socket instead of ws building a header and writing two buffers each time.
 */
const wires = new WeakMap<Buffer, Buffer<ArrayBuffer>>();

const FIN_TEXT = 0x81;

/** The payload (UTF-8 of `text`), a view into its framed bytes, which `wireOf` finds again. */
export const prepareTextFrame = (text: string): Buffer<ArrayBuffer> => {
  const length = Buffer.byteLength(text);
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const wire = Buffer.allocUnsafe(headerLength + length);
  wire[0] = FIN_TEXT;
  if (length < 126) wire[1] = length;
  else if (length < 65_536) {
    wire[1] = 126;
    wire.writeUInt16BE(length, 2);
  } else {
    wire[1] = 127;
    wire.writeBigUInt64BE(BigInt(length), 2);
  }
  wire.write(text, headerLength, 'utf8');
  const payload = wire.subarray(headerLength);
  wires.set(payload, wire);
  return payload;
};

/** The framed bytes of a payload made by `prepareTextFrame`, else undefined. */
export const wireOf = (payload: unknown): Buffer<ArrayBuffer> | undefined => (Buffer.isBuffer(payload) ? wires.get(payload) : undefined);
