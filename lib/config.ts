import { z } from 'zod';

import { DEFAULT_HOLIDAYS_2026, parseHolidays } from './cases/sla';

// Every setting comes from the environment, has a default and is validated here, so a bad value
// stops the start with the variable named (README, "Configuration").
const intFrom = (fallback: number, min = 0) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min))
    .optional()
    .transform((v) => v ?? fallback);

const flag = (fallback: boolean) =>
  z
    .enum(['0', '1'], { error: 'must be 0 or 1' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === '1'));

const envSchema = z
  .object({
    PORT: intFrom(3000, 1),
    // file:path (SQLite, the default) or postgres://user:password@host:port/database.
    DATABASE_URL: z
      .string()
      .trim()
      .min(1)
      .default('file:./data/hailong.db')
      .refine((u) => /^(file:|postgres(ql)?:\/\/)/i.test(u), 'must start with file: or postgres://'),
    // Connections each instance keeps open to PostgreSQL (ignored on SQLite).
    DATABASE_POOL_SIZE: intFrom(10, 2),
    PUBLIC_BASE_URL: z.url().optional(),
    APP_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    MIN_RESPONSES: intFrom(30, 1),
    // A satisfaction index (percent) the department aims for: a second benchmark for verdicts.
    SATISFACTION_TARGET: z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d+)?$/, 'must be a percentage such as 90 or 87.5')
      .transform(Number)
      .pipe(z.number().gt(0, 'must be above 0').lt(100, 'must be below 100'))
      .optional(),
    RATE_LIMIT_PER_MINUTE: intFrom(30),
    KIOSK_THANKS_SECONDS: intFrom(5, 1),
    KIOSK_IDLE_SECONDS: intFrom(60, 5),
    KIOSK_REPEAT_SECONDS: intFrom(10),
    // A burst: phone answers from one client (address, or IPv6 /64) at one desk beyond this many
    // within BURST_WINDOW_MINUTES are stored flagged and left out of indices, cases and public
    // figures, as a repeat press is. 0 turns it off.
    BURST_RESPONSES: intFrom(5),
    BURST_WINDOW_MINUTES: intFrom(10, 1),
    TZ_DISPLAY: z.literal('Asia/Ho_Chi_Minh').default('Asia/Ho_Chi_Minh'),
    // Cases: working days to handle one, the holidays that do not count, and how long a
    // consented contact is kept after its case closes.
    CASE_SLA_DAYS: intFrom(5, 1),
    CASE_HOLIDAYS: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return [...DEFAULT_HOLIDAYS_2026];
        try {
          return parseHolidays(v);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
    CONTACT_RETENTION_DAYS: intFrom(30, 1),
    // Alerts: a desk whose share of negative ratings in the last hour reaches this percentage,
    // over at least ALERT_MIN_RESPONSES ratings.
    ALERT_NEGATIVE_PERCENT: intFrom(30, 1),
    ALERT_MIN_RESPONSES: intFrom(5, 1),
    // Alerts and new cases are POSTed here, signed with WEBHOOK_SECRET (HMAC-SHA256), when set.
    WEBHOOK_URL: z.url().optional(),
    WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    // The monthly and quarterly summary e-mail (server/summary-mail.ts) goes out through this SMTP
    // server (smtp://user:password@host:587, or smtps:// for TLS from the start) when set.
    SMTP_URL: z
      .url()
      .refine((u) => /^smtps?:\/\//i.test(u), 'must start with smtp:// or smtps://')
      .optional(),
    SUMMARY_FROM: z.string().min(3).default('Hài Lòng <no-reply@localhost>'),
    // Demo responses seeded into an empty database at first start, so a new user sees a story.
    DEMO_RESPONSES: intFrom(3000),
    // `0` stops the first start of an empty database from creating the public demo accounts.
    DEMO_USERS: flag(true),
    // Ratings of the officer who served (server/officers.ts): off unless set to 1. With it off no
    // page, API or kiosk panel mentions officers, and no response is linked to one.
    OFFICER_RATINGS: flag(false),
    // Days after which a response's link to its officer is erased (the answers stay).
    OFFICER_LINK_RETENTION_DAYS: intFrom(365, 1),
    // Behind a reverse proxy: take the client address from the X-Forwarded-For hop it appended.
    TRUST_PROXY: flag(false),
  })
  .refine((c) => !c.WEBHOOK_URL || c.WEBHOOK_SECRET, {
    path: ['WEBHOOK_SECRET'],
    message: 'is required when WEBHOOK_URL is set (deliveries are signed)',
  })
  // A generated secret lives in the SQLite file's folder; instances sharing PostgreSQL have no
  // common folder, and each must hash client addresses and sign links exactly as the others do.
  .refine((c) => !/^postgres/i.test(c.DATABASE_URL) || c.APP_SECRET, {
    path: ['APP_SECRET'],
    message: 'is required with a postgres:// DATABASE_URL (set the same value on every instance)',
  });

export type Config = z.infer<typeof envSchema> & { publicBaseUrl: string };

export class ConfigError extends Error {}

/** Parses settings from an environment object; throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const cfg = parsed.data;
  const publicBaseUrl = (cfg.PUBLIC_BASE_URL ?? `http://localhost:${cfg.PORT}`).replace(/\/+$/, '');
  return { ...cfg, publicBaseUrl };
}

/** The SQLite file path of a `file:` DATABASE_URL. */
export function sqlitePathFromUrl(url: string): string {
  if (!url.startsWith('file:')) {
    throw new ConfigError(`DATABASE_URL must start with file: or postgres:// (got ${JSON.stringify(url)})`);
  }
  const path = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  if (!path) throw new ConfigError('DATABASE_URL names no file');
  return path;
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
