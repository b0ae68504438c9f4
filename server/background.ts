import type { Db } from '@/db';
import { raiseDueAlerts } from '@/db/queries/alerts';
import { eraseExpiredContacts } from '@/db/queries/cases';
import { pruneRateLimits } from '@/db/queries/rate-limits';
import { getConfig } from '@/lib/config';

import { LOGIN_THROTTLE } from './auth';
import { eraseExpiredOfficerLinks } from './officer-retention';
import { sendDueSummaries } from './summary-mail';
import { sendDueWebhooks } from './webhook-sender';

/**
 * The server's periodic duties: erase expired call-back contacts and officer links (hourly), raise alerts
 * (every minute), send queued webhooks (every 10 s) and drop stale rate-limit counters. Timers are
 * unref'd so they never keep a stopping process alive; a failing job logs and tries again next time.
 */
export function startBackgroundJobs(db: Db): void {
  const cfg = getConfig();
  const every = (ms: number, name: string, job: () => Promise<unknown>) => {
    // A run can outlast its interval (a slow database, webhooks timing out after 10 s each): the
    // next tick is skipped rather than started alongside, so one job never runs twice at once.
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      try {
        await job();
      } catch (err) {
        console.error(`[${name}]`, err);
      } finally {
        running = false;
      }
    };
    void run();
    setInterval(() => void run(), ms).unref();
  };

  every(60 * 60_000, 'contact purge', async () => {
    const n = await eraseExpiredContacts(db, { now: Date.now(), retentionDays: cfg.CONTACT_RETENTION_DAYS });
    if (n) console.log(`Hài Lòng: erased ${n} expired call-back contact(s).`);
  });
  every(60 * 60_000, 'officer link purge', async () => {
    const n = await eraseExpiredOfficerLinks(db, { now: Date.now(), retentionDays: cfg.OFFICER_LINK_RETENTION_DAYS });
    if (n) console.log(`Hài Lòng: erased the officer link of ${n} response(s).`);
  });
  every(60_000, 'alerts', () =>
    raiseDueAlerts(db, {
      now: Date.now(),
      settings: {
        percent: cfg.ALERT_NEGATIVE_PERCENT,
        minResponses: cfg.ALERT_MIN_RESPONSES,
        webhookUrl: cfg.WEBHOOK_URL ?? null,
      },
    }),
  );
  if (cfg.WEBHOOK_URL && cfg.WEBHOOK_SECRET) {
    const secret = cfg.WEBHOOK_SECRET;
    every(10_000, 'webhooks', () => sendDueWebhooks(db, { secret }));
  }
  if (cfg.SMTP_URL) {
    const smtpUrl = cfg.SMTP_URL;
    // Hourly: a summary is due from the first hour of a new month or quarter; each goes out once.
    every(60 * 60_000, 'summary e-mail', async () => {
      const { createTransport } = await import('nodemailer');
      const n = await sendDueSummaries(db, {
        now: Date.now(),
        transport: createTransport(smtpUrl),
        from: cfg.SUMMARY_FROM,
        baseUrl: cfg.publicBaseUrl,
        minResponses: cfg.MIN_RESPONSES,
      });
      if (n) console.log(`Hài Lòng: sent ${n} summary e-mail(s).`);
    });
  }
  // The counters are shared in the database now; the in-memory limiter used to prune itself.
  // Each window length prunes its own scopes: window numbers of a 15-minute counter are not minutes.
  every(10 * 60_000, 'rate-limit prune', async () => {
    const now = Date.now();
    await pruneRateLimits(db, { now, windowMs: 60_000, scopes: ['responses', 'login', 'kiosk_pin'] });
    await pruneRateLimits(db, { now, windowMs: LOGIN_THROTTLE.pair.windowMs, scopes: ['login_pair', 'login_client'] });
    await pruneRateLimits(db, { now, windowMs: cfg.BURST_WINDOW_MINUTES * 60_000, scopes: ['burst'] });
  });
}
