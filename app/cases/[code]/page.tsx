import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { StaffHeader } from '@/app/_components/StaffHeader';
import { getDb } from '@/db';
import { listAssignees } from '@/db/queries/cases';
import { findSurveyVersionById } from '@/db/queries/surveys';
import { unitAncestors } from '@/db/queries/units';
import { formatLocalDateTime } from '@/lib/admin/format';
import { can } from '@/lib/auth/permissions';
import { formatDay } from '@/lib/dashboard/format';
import { CASE_STATUS_LABELS, isOverdue } from '@/lib/cases/status';
import { caseForPrincipal } from '@/server/case-view';
import { requirePage } from '@/server/guard';
import { describeAnswers } from '@/lib/survey/answer-text';
import { parseSurveyDefinition } from '@/lib/survey/definition';
import { localDay } from '@/lib/time/local';

import { AssignForm, NoteForm, StatusForm } from './CaseForms';

export const metadata: Metadata = { title: 'Chi tiết phản ánh' };

export default async function CasePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const principal = await requirePage('cases.view', `/cases/${code}`);
  const db = getDb();
  // Another unit's case does not exist for this manager: no hint that the code is real.
  const c = await caseForPrincipal(db, principal, code);
  if (!c) notFound();

  const handles = can(principal, 'cases.handle');
  const version = (await findSurveyVersionById(db, { versionId: c.surveyVersionId }))!;
  const answers = describeAnswers(
    parseSurveyDefinition(JSON.parse(version.definition), `survey ${version.slug}`),
    JSON.parse(c.answers) as Record<string, unknown>,
  );
  const candidates = handles
    ? (await listAssignees(db, { unitIds: await unitAncestors(db, c.unitId) })).map((u) => ({
        id: u.id,
        label: u.displayName ?? u.username,
      }))
    : [];
  const overdue = isOverdue(c, Date.now());

  return (
    <>
      <StaffHeader principal={principal} />
      <main className="staff-main" id="main">
        <p>
          <Link href="/cases">← Danh sách phản ánh</Link>
        </p>
        <h1>
          Phản ánh <span className="case-code">{c.code}</span>
        </h1>
        <div className="case-layout">
          <section className="card" aria-labelledby="facts-title">
            <h2 id="facts-title">Thông tin</h2>
            <dl className="facts">
              <dt>Trạng thái</dt>
              <dd>{CASE_STATUS_LABELS[c.status].vi}</dd>
              <dt>Đơn vị · quầy</dt>
              <dd>
                {c.unitName} · {c.pointName} ({c.pointCode})
              </dd>
              <dt>Kênh</dt>
              <dd>{c.channel}</dd>
              <dt>Tiếp nhận</dt>
              <dd>{formatLocalDateTime(c.openedAt)}</dd>
              <dt>Hạn xử lý</dt>
              <dd className={overdue ? 'overdue' : undefined}>
                {formatDay(localDay(c.dueAt - 1))}
                {overdue && ' · quá hạn'}
              </dd>
              {c.closedAt && (
                <>
                  <dt>Đóng lúc</dt>
                  <dd>{formatLocalDateTime(c.closedAt)}</dd>
                </>
              )}
            </dl>
            <h3>Câu trả lời của người dân</h3>
            <dl className="facts facts--answers">
              {answers.map((a) => (
                <div key={a.name} className="facts__row">
                  <dt>{a.title}</dt>
                  <dd className="pre">{a.text}</dd>
                </div>
              ))}
            </dl>
            <h3>Liên hệ (người dân đồng ý cho gọi lại)</h3>
            {c.contact && !c.contact.shown ? (
              // A leader reads the case but not the contact: only its handlers call back.
              <p>
                Có, người dân đã để lại thông tin liên hệ; chỉ người xử lý phản ánh (quản lý đơn vị, quản trị) xem được.
              </p>
            ) : c.contact ? (
              <dl className="facts">
                {c.contact.name && (
                  <>
                    <dt>Họ tên</dt>
                    <dd>{c.contact.name}</dd>
                  </>
                )}
                {c.contact.phone && (
                  <>
                    <dt>Điện thoại</dt>
                    <dd>
                      <a href={`tel:${c.contact.phone}`}>{c.contact.phone}</a>
                    </dd>
                  </>
                )}
                {c.contact.email && (
                  <>
                    <dt>Email</dt>
                    <dd>
                      <a href={`mailto:${c.contact.email}`}>{c.contact.email}</a>
                    </dd>
                  </>
                )}
                <dt>Đồng ý</dt>
                <dd className="muted">
                  {formatLocalDateTime(c.contact.consentedAt)}: “{c.contact.consentText}”
                </dd>
              </dl>
            ) : (
              <p>Không có (hoặc đã xóa theo thời hạn lưu trữ).</p>
            )}
          </section>

          <section className="card" aria-labelledby="handle-title">
            <h2 id="handle-title">Xử lý</h2>
            {handles ? (
              <>
                <AssignForm code={c.code} assigneeId={c.assigneeId} candidates={candidates} />
                <StatusForm code={c.code} status={c.status} publicReply={c.publicReply} />
              </>
            ) : (
              <p>Bạn chỉ có quyền xem phản ánh.</p>
            )}
            <h3>Ghi chú nội bộ</h3>
            {c.notes.length === 0 ? (
              <p>Chưa có ghi chú.</p>
            ) : (
              <ol className="notes">
                {c.notes.map((n) => (
                  <li key={n.id}>
                    <p className="pre">{n.body}</p>
                    <p className="muted">
                      {n.author} · {formatLocalDateTime(n.at)}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            {handles && <NoteForm code={c.code} />}
          </section>
        </div>
      </main>
    </>
  );
}
