import { bodyHash } from '@/lib/ingest/canonical';
import { envelopeSchema } from '@/lib/ingest/envelope';
import { uuidv4 } from '@/lib/delivery/uuid';

import type { Db } from '@/db/index';
import { ingestResponse } from './ingest';
import { addCaseNote, changeCaseStatus } from '@/db/queries/cases';

const DAY = 86_400_000;

// Negative ratings of the last weeks, as citizens would leave them, so a new user's case queue,
// alerts and public results show handling at work: some resolved on time, some late, some open,
// one overdue.
const STORIES: Array<{
  point: string;
  daysAgo: number;
  comment: string;
  reasons: string[];
  outcome: 'open' | 'in_progress' | 'resolved' | 'dismissed';
  reply?: string;
  afterDays?: number;
}> = [
  {
    point: 'TTHCC-Q03',
    daysAgo: 1,
    comment: 'Chờ hơn một tiếng mới đến lượt, không có ghế ngồi.',
    reasons: ['time'],
    outcome: 'open',
  },
  {
    point: 'TTHCC-Q03',
    daysAgo: 3,
    comment: 'Phải đi lại 3 lần vì mỗi lần được yêu cầu bổ sung một giấy tờ khác nhau.',
    reasons: ['visits', 'unclear'],
    outcome: 'in_progress',
  },
  {
    point: 'TTHCC-Q01',
    daysAgo: 6,
    comment: 'Hẹn trả kết quả ngày 10 nhưng đến nay chưa có.',
    reasons: ['time'],
    outcome: 'resolved',
    reply: 'Hồ sơ đã được trả kết quả. Đơn vị xin lỗi vì trễ hẹn và đã rà soát lại quy trình luân chuyển hồ sơ.',
    afterDays: 2,
  },
  {
    point: 'TTHCC-Q02',
    daysAgo: 9,
    comment: 'Cán bộ trả lời qua loa, không hướng dẫn cụ thể.',
    reasons: ['attitude'],
    outcome: 'resolved',
    reply: 'Đơn vị đã trao đổi với cán bộ liên quan và gọi lại hướng dẫn đầy đủ cho Ông/Bà.',
    afterDays: 4,
  },
  {
    point: 'TTHCC-Q05',
    daysAgo: 12,
    comment: 'Phí thẩm định không được niêm yết ở quầy.',
    reasons: ['fees'],
    outcome: 'resolved',
    reply: 'Bảng phí, lệ phí đã được niêm yết lại tại quầy và trên cổng dịch vụ công.',
    afterDays: 9,
  },
  {
    point: 'TTHCC-Q04',
    daysAgo: 16,
    comment: 'Tôi nộp nhầm quầy, được hướng dẫn sang quầy khác.',
    reasons: ['other'],
    outcome: 'dismissed',
    reply: 'Ông/Bà đã được hướng dẫn nộp đúng quầy; hồ sơ đang được giải quyết bình thường.',
    afterDays: 1,
  },
  {
    point: 'TTHCC-Q03',
    daysAgo: 20,
    comment: 'Không ai nghe điện thoại của bộ phận một cửa.',
    reasons: ['attitude'],
    outcome: 'open',
  },
];

/** Opens the demo cases through the real ingest path and moves them along; returns how many. */
export async function seedDemoCases(db: Db, { now = Date.now() }: { now?: number } = {}): Promise<number> {
  let opened = 0;
  for (const story of STORIES) {
    const receivedAt = now - story.daysAgo * DAY;
    const raw = {
      id: uuidv4(),
      survey: 'quick',
      point: story.point,
      channel: 'qr',
      locale: 'vi',
      completedAt: new Date(receivedAt - 60_000).toISOString(),
      answers: { satisfaction: 1, reasons: story.reasons, comment: story.comment, complaint: true },
    };
    const envelope = envelopeSchema.parse(raw);
    const outcome = await ingestResponse(db, { envelope, bodyHash: bodyHash(raw), receivedAt, clientKey: null });
    if (!outcome.ok || outcome.stored !== 'accepted' || !outcome.caseCode) continue;
    opened++;
    const code = outcome.caseCode;
    const actor = { userId: null, label: 'demo' };
    if (story.outcome === 'open') continue;
    const at = receivedAt + (story.afterDays ?? 1) * DAY;
    await changeCaseStatus(db, { code, to: 'in_progress', now: receivedAt + DAY / 2 }, actor);
    await addCaseNote(
      db,
      { code, body: 'Đã liên hệ bộ phận liên quan để xác minh.', now: receivedAt + DAY / 2 },
      actor,
    );
    if (story.outcome !== 'in_progress')
      await changeCaseStatus(db, { code, to: story.outcome, publicReply: story.reply, now: Math.min(at, now) }, actor);
  }
  return opened;
}
