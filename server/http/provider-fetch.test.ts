import { describe, expect, it } from 'vitest';
import { BlockedUrlError, isInternalAddress, providerFetch } from './provider-fetch.ts';

describe('isInternalAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1'])(
    '%s is internal',
    (ip) => expect(isInternalAddress(ip)).toBe(true),
  );
  it.each(['8.8.8.8', '157.240.1.35', '172.32.0.1', '2a03:2880:f12f:83:face:b00c::25de'])('%s is public', (ip) => expect(isInternalAddress(ip)).toBe(false));
});

describe('providerFetch', () => {
  it('refuses internal addresses and non-http schemes under the public-only policy', async () => {
    await expect(providerFetch('http://127.0.0.1:9/x', {}, 'public-only')).rejects.toBeInstanceOf(BlockedUrlError);
    await expect(providerFetch('http://169.254.169.254/latest/meta-data', {}, 'public-only')).rejects.toBeInstanceOf(BlockedUrlError);
    await expect(providerFetch('http://localhost:9/x', {}, 'public-only')).rejects.toBeInstanceOf(BlockedUrlError);
    await expect(providerFetch('file:///etc/passwd', {}, 'any')).rejects.toBeInstanceOf(BlockedUrlError);
  });
});
