import { z } from 'zod';

/** What a kiosk reports every minute: enough for staff to spot a dead or stuck tablet. */
export const heartbeatSchema = z.strictObject({
  appVersion: z.string().trim().min(1).max(40),
  queueLength: z.number().int().min(0).max(1_000_000),
  lastError: z.string().max(500).nullable(),
});

export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const pinSchema = z.strictObject({ pin: z.string().regex(/^\d{4,8}$/, 'pin must be 4 to 8 digits') });
