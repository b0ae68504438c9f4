import type { Db } from '@/db';
import { raiseDueAlerts } from '@/db/queries/alerts';
import { eraseExpiredContacts } from '@/db/queries/cases';
import { getConfig } from '@/lib/config';

import { sendDueWebhooks } from './webhook-sender';

/**
 * The server's periodic duties (issue 5): erase expired call-back contacts (hourly), raise alerts
 * (every minute) and send queued webhooks (every 10 s). Timers are unref'd so they never keep a
 * stopping process alive; a failing job logs and tries again next time.
 */
export function startBackgroundJobs(db: Db): void {
  const cfg = getConfig();
  const every = (ms: number, name: string, job: () => unknown) => {
    const run = async () => {
      try {
        await job();
      } catch (err) {
        console.error(`[${name}]`, err);
      }
    };
    void run();
    setInterval(run, ms).unref();
  };

  every(60 * 60_000, 'contact purge', () => {
    const n = eraseExpiredContacts(db, { now: Date.now(), retentionDays: cfg.CONTACT_RETENTION_DAYS });
    if (n) console.log(`Hài Lòng: erased ${n} expired call-back contact(s).`);
  });
  every(60_000, 'alerts', () =>
    raiseDueAlerts(db, { now: Date.now(), settings: { percent: cfg.ALERT_NEGATIVE_PERCENT, minResponses: cfg.ALERT_MIN_RESPONSES, webhookUrl: cfg.WEBHOOK_URL ?? null } }),
  );
  if (cfg.WEBHOOK_URL && cfg.WEBHOOK_SECRET) {
    const secret = cfg.WEBHOOK_SECRET;
    every(10_000, 'webhooks', () => sendDueWebhooks(db, { secret }));
  }
}
