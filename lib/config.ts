import { z } from 'zod';

// DESIGN §4.5: every setting comes from the environment and has a sensible default.
const intFrom = (fallback: number, min = 0) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min))
    .optional()
    .transform((v) => v ?? fallback);

const envSchema = z.object({
  PORT: intFrom(3000, 1),
  DATABASE_URL: z.string().trim().min(1).default('file:./data/hailong.db'),
  PUBLIC_BASE_URL: z.url().optional(),
  APP_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  MIN_RESPONSES: intFrom(30, 1),
  RATE_LIMIT_PER_MINUTE: intFrom(30),
  KIOSK_THANKS_SECONDS: intFrom(5, 1),
  KIOSK_IDLE_SECONDS: intFrom(60, 5),
  KIOSK_REPEAT_SECONDS: intFrom(10),
  TZ_DISPLAY: z.literal('Asia/Ho_Chi_Minh').default('Asia/Ho_Chi_Minh'),
  // Demo responses seeded into an empty database at first start, so a new user sees a story.
  DEMO_RESPONSES: intFrom(3000),
});

export type Config = z.infer<typeof envSchema> & { publicBaseUrl: string };

export class ConfigError extends Error {}

/** Parses settings from an environment object; throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
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
    throw new ConfigError(`DATABASE_URL must start with file: (got ${JSON.stringify(url)})`);
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
