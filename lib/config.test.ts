import { describe, expect, test } from 'vitest';

import { DEFAULT_HOLIDAYS_2026 } from './cases/sla';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  test('defaults of DESIGN §4.5 and of the case, alert and demo settings', () => {
    const cfg = parseConfig({});
    expect(cfg).toMatchObject({ PORT: 3000, MIN_RESPONSES: 30, RATE_LIMIT_PER_MINUTE: 30, CASE_SLA_DAYS: 5, CONTACT_RETENTION_DAYS: 30, ALERT_NEGATIVE_PERCENT: 30, ALERT_MIN_RESPONSES: 5, DEMO_RESPONSES: 3000 });
    expect(cfg.CASE_HOLIDAYS).toEqual(DEFAULT_HOLIDAYS_2026);
    expect(cfg.publicBaseUrl).toBe('http://localhost:3000');
  });

  test('PostgreSQL: a postgres:// URL with a shared APP_SECRET, and a pool of 10 unless told', () => {
    const cfg = parseConfig({ DATABASE_URL: 'postgresql://hailong:pw@10.0.0.5:5432/hailong', APP_SECRET: 'x'.repeat(32) });
    expect(cfg).toMatchObject({ DATABASE_URL: 'postgresql://hailong:pw@10.0.0.5:5432/hailong', DATABASE_POOL_SIZE: 10 });
    expect(parseConfig({ DATABASE_POOL_SIZE: '25' }).DATABASE_POOL_SIZE).toBe(25);
  });

  test('SATISFACTION_TARGET: unset by default, a percentage when set', () => {
    expect(parseConfig({}).SATISFACTION_TARGET).toBeUndefined();
    expect(parseConfig({ SATISFACTION_TARGET: '87.5' }).SATISFACTION_TARGET).toBe(87.5);
  });

  test('a holiday list replaces the default', () => {
    expect(parseConfig({ CASE_HOLIDAYS: '2027-01-01, 2027-02-06' }).CASE_HOLIDAYS).toEqual(['2027-01-01', '2027-02-06']);
  });

  test.each([
    [{ CASE_HOLIDAYS: '2027-02-30' }, /CASE_HOLIDAYS.*2027-02-30/],
    [{ CASE_SLA_DAYS: '0' }, /CASE_SLA_DAYS/],
    [{ WEBHOOK_URL: 'https://hooks.example/hailong' }, /WEBHOOK_SECRET: is required when WEBHOOK_URL is set/],
    [{ WEBHOOK_URL: 'not a url', WEBHOOK_SECRET: 'a-long-enough-secret' }, /WEBHOOK_URL/],
    [{ PORT: 'eighty' }, /PORT: must be a whole number/],
    [{ SATISFACTION_TARGET: '100' }, /SATISFACTION_TARGET: must be below 100/],
    [{ SATISFACTION_TARGET: 'ninety' }, /SATISFACTION_TARGET: must be a percentage/],
    [{ DATABASE_URL: 'mysql://db/hailong' }, /DATABASE_URL: must start with file: or postgres:\/\//],
    [{ DATABASE_URL: 'postgres://hailong@db/hailong' }, /APP_SECRET: is required with a postgres:\/\/ DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://hailong@db/hailong', APP_SECRET: 'x'.repeat(32), DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE/],
  ])('%j is refused with a message naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
