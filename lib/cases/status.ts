// The life of a case: mới → đang xử lý → đã xử lý / không cần xử lý.
import { fail, type Result } from '../result';

export const CASE_STATUS_LABELS = {
  new: { vi: 'Mới', en: 'New' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  resolved: { vi: 'Đã xử lý', en: 'Resolved' },
  dismissed: { vi: 'Không cần xử lý', en: 'No action needed' },
} as const;

export const CASE_STATUSES = ['new', 'in_progress', 'resolved', 'dismissed'] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['in_progress', 'resolved', 'dismissed'],
  in_progress: ['resolved', 'dismissed'],
  // A closed case can be reopened when the reply turns out wrong or the citizen calls back.
  resolved: ['in_progress'],
  dismissed: ['in_progress'],
};

export const isClosed = (status: CaseStatus) => status === 'resolved' || status === 'dismissed';

export type TransitionCheck = Result<object, 'transition_not_allowed' | 'public_reply_required'>;

/** Whether a case may move from `from` to `to`; closing needs the reply the citizen will read. */
export function checkTransition(
  from: CaseStatus,
  to: CaseStatus,
  publicReply: string | null | undefined,
): TransitionCheck {
  if (from === to) return { ok: true };
  if (!NEXT[from].includes(to)) {
    return fail(
      'transition_not_allowed',
      `Không thể chuyển từ "${CASE_STATUS_LABELS[from].vi}" sang "${CASE_STATUS_LABELS[to].vi}".`,
      'status',
    );
  }
  if (isClosed(to) && !publicReply?.trim()) {
    return fail(
      'public_reply_required',
      'Cần nhập trả lời công khai cho người dân trước khi đóng phản ánh.',
      'publicReply',
    );
  }
  return { ok: true };
}

/** Overdue: still open after its due instant. */
export const isOverdue = (c: { status: CaseStatus; dueAt: number }, now: number) =>
  !isClosed(c.status) && now >= c.dueAt;

/** Handled on time: closed no later than due (Decision 766's "complaints handled on time"). */
export const closedOnTime = (c: { closedAt: number | null; dueAt: number }) =>
  c.closedAt !== null && c.closedAt <= c.dueAt;
