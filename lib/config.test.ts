import { describe, expect, test } from 'vitest';

import { DEFAULT_HOLIDAYS_2026 } from './cases/sla';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  test('defaults of every setting (README, "Configuration")', () => {
    const cfg = parseConfig({});
    expect(cfg).toMatchObject({
      PORT: 3000,
      MIN_RESPONSES: 30,
      RATE_LIMIT_PER_MINUTE: 30,
      CASE_SLA_DAYS: 5,
      CONTACT_RETENTION_DAYS: 30,
      ALERT_NEGATIVE_PERCENT: 30,
      ALERT_MIN_RESPONSES: 5,
      DEMO_RESPONSES: 3000,
      BURST_RESPONSES: 5,
      BURST_WINDOW_MINUTES: 10,
    });
    expect(cfg.CASE_HOLIDAYS).toEqual(DEFAULT_HOLIDAYS_2026);
    expect(cfg.publicBaseUrl).toBe('http://localhost:3000');
  });

  test('PostgreSQL: a postgres:// URL with a shared APP_SECRET, and a pool of 10 unless told', () => {
    const cfg = parseConfig({
      DATABASE_URL: 'postgresql://hailong:pw@10.0.0.5:5432/hailong',
      APP_SECRET: 'x'.repeat(32),
    });
    expect(cfg).toMatchObject({
      DATABASE_URL: 'postgresql://hailong:pw@10.0.0.5:5432/hailong',
      DATABASE_POOL_SIZE: 10,
    });
    expect(parseConfig({ DATABASE_POOL_SIZE: '25' }).DATABASE_POOL_SIZE).toBe(25);
  });

  test('flags: demo accounts on and the proxy untrusted unless told', () => {
    expect(parseConfig({})).toMatchObject({ DEMO_USERS: true, TRUST_PROXY: false });
    expect(parseConfig({ DEMO_USERS: '0', TRUST_PROXY: '1' })).toMatchObject({ DEMO_USERS: false, TRUST_PROXY: true });
  });

  test('an SMTP server for the summary e-mail', () => {
    expect(parseConfig({ SMTP_URL: 'smtp://hailong:secret@mail.example:587' })).toMatchObject({
      SMTP_URL: 'smtp://hailong:secret@mail.example:587',
      SUMMARY_FROM: 'Hài Lòng <no-reply@localhost>',
    });
  });

  test('SATISFACTION_TARGET: unset by default, a percentage when set', () => {
    expect(parseConfig({}).SATISFACTION_TARGET).toBeUndefined();
    expect(parseConfig({ SATISFACTION_TARGET: '87.5' }).SATISFACTION_TARGET).toBe(87.5);
  });

  test('a holiday list replaces the default', () => {
    expect(parseConfig({ CASE_HOLIDAYS: '2027-01-01, 2027-02-06' }).CASE_HOLIDAYS).toEqual([
      '2027-01-01',
      '2027-02-06',
    ]);
  });

  test.each([
    [{ CASE_HOLIDAYS: '2027-02-30' }, /CASE_HOLIDAYS.*2027-02-30/],
    [{ CASE_SLA_DAYS: '0' }, /CASE_SLA_DAYS/],
    [{ BURST_WINDOW_MINUTES: '0' }, /BURST_WINDOW_MINUTES/],
    [{ BURST_RESPONSES: 'many' }, /BURST_RESPONSES: must be a whole number/],
    [{ WEBHOOK_URL: 'https://hooks.example/hailong' }, /WEBHOOK_SECRET: is required when WEBHOOK_URL is set/],
    [{ WEBHOOK_URL: 'not a url', WEBHOOK_SECRET: 'a-long-enough-secret' }, /WEBHOOK_URL/],
    [{ SMTP_URL: 'https://mail.example' }, /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//],
    [{ PORT: 'eighty' }, /PORT: must be a whole number/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY: must be 0 or 1/],
    [{ DEMO_USERS: 'off' }, /DEMO_USERS: must be 0 or 1/],
    [{ SATISFACTION_TARGET: '100' }, /SATISFACTION_TARGET: must be below 100/],
    [{ SATISFACTION_TARGET: 'ninety' }, /SATISFACTION_TARGET: must be a percentage/],
    [{ DATABASE_URL: 'mysql://db/hailong' }, /DATABASE_URL: must start with file: or postgres:\/\//],
    [{ DATABASE_URL: 'postgres://hailong@db/hailong' }, /APP_SECRET: is required with a postgres:\/\/ DATABASE_URL/],
    [
      { DATABASE_URL: 'postgres://hailong@db/hailong', APP_SECRET: 'x'.repeat(32), DATABASE_POOL_SIZE: '0' },
      /DATABASE_POOL_SIZE/,
    ],
  ])('%j is refused with a message naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
