import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs with no environment at all, on the embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, redisUrl: null, allowedOrigins: [], publicUrl: null });
  });

  it('lists every invalid variable in one error', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', EMBEDDED_PG_PORT: '40000' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*EMBEDDED_PG_PORT/);
  });

  it('normalises allowed origins and the public URL', () => {
    const config = loadConfig({ ALLOWED_ORIGINS: 'https://a.example.com/, http://b.example.com:8080', PUBLIC_URL: 'https://crm.example.com/' });
    expect(config.allowedOrigins).toEqual(['https://a.example.com', 'http://b.example.com:8080']);
    expect(config.publicUrl).toBe('https://crm.example.com');
  });

  it('refuses a SECRETS_KEY that is not 32 bytes', () => {
    expect(() => loadConfig({ SECRETS_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/SECRETS_KEY/);
    expect(loadConfig({ SECRETS_KEY: Buffer.alloc(32).toString('base64') }).secretsKey).toBeTruthy();
  });

  it('refuses an allowed origin that is not a URL', () => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'example.com' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('reads the SendGrid settings (all optional) and the web-form limit', () => {
    expect(loadConfig({})).toMatchObject({ sendgrid: { apiKey: null, baseUrl: null, webhookPublicKey: null }, formSubmissionsPerMinute: 30 });
    const key = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==';
    expect(loadConfig({ SENDGRID_API_KEY: 'SG.x', SENDGRID_BASE_URL: 'http://127.0.0.1:9999', SENDGRID_WEBHOOK_PUBLIC_KEY: key, FORM_SUBMISSIONS_PER_MINUTE: '5' })).toMatchObject({
      sendgrid: { apiKey: 'SG.x', baseUrl: 'http://127.0.0.1:9999', webhookPublicKey: key },
      formSubmissionsPerMinute: 5,
    });
    expect(() => loadConfig({ SENDGRID_BASE_URL: 'sendgrid', FORM_SUBMISSIONS_PER_MINUTE: '0' })).toThrow(/FORM_SUBMISSIONS_PER_MINUTE[\s\S]*SENDGRID_BASE_URL/);
  });
});
