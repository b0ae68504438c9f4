import { and, desc, eq, gte, inArray, lte, notInArray, sql } from 'drizzle-orm';

import { withTransaction, type Queryable } from '../index';
import { alerts, cases, responses, servicePoints, units } from '../schema';
import { enqueueWebhook } from './webhooks';

const HOUR = 3_600_000;

export type AlertSettings = { percent: number; minResponses: number; webhookUrl: string | null };

/**
 * Raises the alerts due now, once each: desks whose share of negative ratings over the last hour
 * reached the threshold (at most one per desk per clock hour), and cases that became overdue.
 * Each new alert is queued for the webhook in the same transaction. Returns the new alerts' count.
 */
export async function raiseDueAlerts(
  db: Queryable,
  { now, settings }: { now: number; settings: AlertSettings },
): Promise<number> {
  const since = now - HOUR;
  const perPoint = await db
    .select({
      pointId: responses.pointId,
      // One group per desk even if it moved to another unit within the hour.
      unitId: sql<number>`max(${responses.unitId})`,
      n: sql<number>`count(*)`,
      negative: sql<number>`count(${cases.id})`,
    })
    .from(responses)
    .leftJoin(cases, and(eq(cases.responseId, responses.id), sql`${cases.reasons} LIKE '%dissatisfied%'`))
    .where(and(gte(responses.completedAt, since), lte(responses.completedAt, now)))
    .groupBy(responses.pointId);
  const hourKey = Math.floor(now / HOUR);

  const overdue = await db
    .select({ id: cases.id, code: cases.code, unitId: cases.unitId, pointId: cases.pointId, dueAt: cases.dueAt })
    .from(cases)
    .where(and(notInArray(cases.status, ['resolved', 'dismissed']), lte(cases.dueAt, now)));

  return withTransaction(db, async (tx) => {
    let raised = 0;
    const raise = async (row: typeof alerts.$inferInsert, event: Record<string, unknown>) => {
      const inserted = await tx.insert(alerts).values(row).onConflictDoNothing().returning({ id: alerts.id });
      if (inserted.length === 0) return;
      raised++;
      if (settings.webhookUrl)
        await enqueueWebhook(tx, { event: `alert.${row.kind}`, url: settings.webhookUrl, payload: event, now });
    };
    for (const p of perPoint) {
      if (p.n < settings.minResponses || (100 * p.negative) / p.n < settings.percent) continue;
      const details = {
        responses: p.n,
        negative: p.negative,
        percent: Math.round((1000 * p.negative) / p.n) / 10,
        since,
      };
      await raise(
        {
          kind: 'negative_share',
          dedupeKey: `negative_share:${p.pointId}:${hourKey}`,
          unitId: p.unitId,
          pointId: p.pointId,
          details: JSON.stringify(details),
          raisedAt: now,
        },
        { kind: 'negative_share', pointId: p.pointId, ...details },
      );
    }
    for (const c of overdue) {
      const details = { case: c.code, dueAt: c.dueAt };
      await raise(
        {
          kind: 'case_overdue',
          dedupeKey: `case_overdue:${c.id}`,
          unitId: c.unitId,
          pointId: c.pointId,
          caseId: c.id,
          details: JSON.stringify(details),
          raisedAt: now,
        },
        { kind: 'case_overdue', ...details },
      );
    }
    return raised;
  });
}

/**
 * What the top of the dashboard shows: negative-share alerts of the last hour, and overdue
 * cases still open, within the viewer's units (null = all).
 */
export async function activeAlerts(
  db: Queryable,
  { unitIds, now }: { unitIds: ReadonlySet<number> | null; now: number },
) {
  const scope = unitIds ? inArray(alerts.unitId, [...unitIds]) : undefined;
  const rows = await db
    .select({
      kind: alerts.kind,
      details: alerts.details,
      raisedAt: alerts.raisedAt,
      pointName: servicePoints.name,
      unitName: units.name,
      caseStatus: cases.status,
    })
    .from(alerts)
    .innerJoin(units, eq(units.id, alerts.unitId))
    .leftJoin(servicePoints, eq(servicePoints.id, alerts.pointId))
    .leftJoin(cases, eq(cases.id, alerts.caseId))
    .where(
      and(
        scope,
        sql`(${alerts.kind} = 'negative_share' AND ${alerts.raisedAt} >= ${now - HOUR}) OR (${alerts.kind} = 'case_overdue' AND ${cases.status} IN ('new','in_progress'))`,
      ),
    )
    .orderBy(desc(alerts.raisedAt))
    .limit(50);
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}
