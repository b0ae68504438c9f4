import { z } from 'zod';

import { endOfLocalDayMs, isLocalDay, startOfLocalDayMs } from '@/lib/time/local';

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .trim()
  .refine((v) => v === '' || isLocalDay(v), 'Ngày dạng YYYY-MM-DD / date as YYYY-MM-DD')
  .optional();

// Filters arrive as query parameters: absent or empty means "any".
export const auditFilterSchema = z
  .object({
    actor: z.string().trim().max(100).optional(),
    action: z
      .string()
      .trim()
      .max(60)
      .regex(/^[a-z.]*$/, 'Hành động: a-z và dấu chấm / action: a-z and dots')
      .optional(),
    from: day,
    to: day,
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: '“Đến ngày” trước “từ ngày” / “to” is before “from”',
  });

export type AuditQuery = {
  actor?: string;
  action?: string;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
};

/** Query-string filters (local dates, inclusive) as the millisecond range and page the query takes. */
export function auditQuery(filters: z.output<typeof auditFilterSchema>): AuditQuery {
  return {
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    from: filters.from ? startOfLocalDayMs(filters.from) : undefined,
    to: filters.to ? endOfLocalDayMs(filters.to) - 1 : undefined, // listAudit takes an inclusive bound
    limit: AUDIT_PAGE_SIZE,
    offset: (filters.page - 1) * AUDIT_PAGE_SIZE,
  };
}
