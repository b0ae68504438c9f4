import type { Channel } from '@/lib/ingest/channels';
import { LOCAL_OFFSET_MS } from '@/lib/time/local';

import { pick, weighted } from './random';

/**
 * A year of believable responses that tells a story on the dashboard: busy weekday mornings and
 * early afternoons, quiet Saturdays, closed Sundays; one desk clearly worse (housing, slow and
 * curt); one unit improving through the year (planning and architecture); comments in
 * Vietnamese that match the rating. Pure: the caller validates and stores what it yields.
 */

export type DemoDesk = { pointId: number; unitId: number; code: string; unitCode: string; procedureIds: number[] };

export type DemoResponse = {
  survey: 'quick' | 'sipas';
  desk: DemoDesk;
  procedureId: number | null;
  channel: Channel;
  completedAt: number;
  answers: Record<string, unknown>;
};

export const WORSE_DESK = 'TTHCC-Q03';
export const IMPROVING_UNIT = 'SXD-QHKT';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// Office hours 7:30–11:30 and 13:30–17:00; people come early.
const HOURS: (readonly [number, number])[] = [
  [7, 6],
  [8, 14],
  [9, 16],
  [10, 12],
  [11, 5],
  [13, 5],
  [14, 11],
  [15, 10],
  [16, 6],
];
// Monday is the busiest day, Saturday a half day, Sunday closed (ISO weekday 1–7).
const WEEKDAYS: (readonly [number, number])[] = [
  [1, 24],
  [2, 20],
  [3, 19],
  [4, 18],
  [5, 16],
  [6, 3],
];
const CHANNELS: (readonly [Channel, number])[] = [
  ['kiosk', 45],
  ['qr', 35],
  ['web', 12],
  ['hotline', 8],
];

// Some criteria are harder to satisfy than others, the same everywhere.
const CRITERION_SHIFT: Record<string, number> = {
  q_access_seats: -0.06,
  q_access_equipment_modern: -0.05,
  q_procedure_time: -0.09,
  q_procedure_fees: 0.04,
  q_staff_polite: 0.03,
  q_feedback_reported: -0.1,
  q_feedback_handled: -0.06,
};
const STAFF_AND_TIME = /^q_(staff|procedure_time)/;

const GOOD_COMMENTS = [
  'Cán bộ hướng dẫn tận tình, dễ hiểu.',
  'Thủ tục nhanh gọn, đúng hẹn.',
  'Phòng chờ sạch sẽ, có nước uống.',
  'Nhân viên lịch sự, giải thích rõ ràng từng bước.',
  'Trả kết quả sớm hơn hẹn, cảm ơn Sở.',
  'Nộp hồ sơ trực tuyến rất thuận tiện.',
];
const BAD_COMMENTS = [
  'Phải đi lại nhiều lần vì thiếu giấy tờ mà không được hướng dẫn từ đầu.',
  'Chờ quá lâu, không có số thứ tự.',
  'Trễ hẹn trả kết quả mà không báo trước.',
  'Cán bộ trả lời cộc lốc, thiếu nhiệt tình.',
  'Niêm yết thủ tục chưa rõ, phí khác với thông báo.',
  'Máy lấy số bị hỏng, ghế ngồi không đủ.',
];
const NEUTRAL_COMMENTS = [
  'Cần thêm chỗ đỗ xe.',
  'Nên có hướng dẫn bằng video.',
  'Đề nghị gửi tin nhắn khi có kết quả.',
];

/** How likely a person at this desk, at this point of the year (0…1), is satisfied. */
export function satisfactionPropensity(desk: DemoDesk, progress: number): number {
  if (desk.code === WORSE_DESK) return 0.6;
  if (desk.unitCode === IMPROVING_UNIT) return 0.62 + 0.3 * progress;
  return 0.86;
}

/** A local instant on an open day between `fromMs` and `toMs`, by the weekday and hour patterns. */
function instant(random: () => number, fromMs: number, toMs: number): number {
  const days = Math.max(1, Math.floor((toMs - fromMs) / DAY_MS));
  for (;;) {
    const dayStart =
      Math.floor((fromMs + LOCAL_OFFSET_MS) / DAY_MS + Math.floor(random() * days)) * DAY_MS - LOCAL_OFFSET_MS;
    const weekday = ((Math.floor((dayStart + LOCAL_OFFSET_MS) / DAY_MS) + 3) % 7) + 1;
    const weight = WEEKDAYS.find(([d]) => d === weekday)?.[1] ?? 0;
    if (random() * 24 >= weight) continue;
    const hour = weighted(random, HOURS);
    const at = dayStart + hour * HOUR_MS + Math.floor(random() * HOUR_MS);
    if (at <= toMs) return at;
  }
}

function fivePoint(random: () => number, p: number): number {
  if (random() < p) return random() < 0.45 ? 5 : 4;
  const r = random();
  return r < 0.6 ? 3 : r < 0.9 ? 2 : 1;
}

function comment(random: () => number, satisfied: boolean): string | undefined {
  if (random() > 0.22) return undefined;
  if (random() < 0.15) return pick(random, NEUTRAL_COMMENTS);
  return pick(random, satisfied ? GOOD_COMMENTS : BAD_COMMENTS);
}

export function demoResponse(
  random: () => number,
  args: { desks: readonly DemoDesk[]; sipasCriteria: readonly string[]; fromMs: number; toMs: number },
): DemoResponse {
  const { desks, sipasCriteria, fromMs, toMs } = args;
  const desk = pick(random, desks);
  const completedAt = instant(random, fromMs, toMs);
  const progress = (completedAt - fromMs) / Math.max(1, toMs - fromMs);
  const p = satisfactionPropensity(desk, progress);
  const channel = weighted(random, CHANNELS);
  const procedureId = desk.procedureIds.length > 0 && random() < 0.85 ? pick(random, desk.procedureIds) : null;

  if (random() < 0.7) {
    const satisfied = random() < p;
    const answers: Record<string, unknown> = { satisfaction: satisfied ? (random() < 0.55 ? 3 : 2) : 1 };
    if (!satisfied) {
      answers.reasons = [
        pick(
          random,
          desk.code === WORSE_DESK ? ['time', 'attitude', 'visits'] : ['time', 'visits', 'unclear', 'fees', 'other'],
        ),
      ];
    }
    const text = comment(random, satisfied);
    if (text) answers.comment = text;
    return { survey: 'quick', desk, procedureId, channel, completedAt, answers };
  }

  const answers: Record<string, unknown> = {};
  let satisfiedCount = 0;
  for (const q of sipasCriteria) {
    if (q === 'q_feedback_reported' && random() < 0.5) continue; // often not applicable
    const worse = desk.code === WORSE_DESK && STAFF_AND_TIME.test(q) ? -0.12 : 0;
    const value = fivePoint(random, Math.min(0.98, Math.max(0.05, p + (CRITERION_SHIFT[q] ?? 0) + worse)));
    if (value >= 4) satisfiedCount += 1;
    answers[q] = value;
  }
  const share = satisfiedCount / Math.max(1, sipasCriteria.length);
  answers.overall = share > 0.8 ? (random() < 0.5 ? 5 : 4) : share > 0.55 ? 3 + Math.round(random()) : 2;
  if (random() < 0.6) answers.age_band = pick(random, ['under_25', '25_34', '35_49', '50_64', '65_plus']);
  if (random() < 0.5) answers.first_visit = random() < 0.3;
  const text = comment(random, (answers.overall as number) >= 4);
  if (text) answers.comment = text;
  return { survey: 'sipas', desk, procedureId, channel, completedAt, answers };
}
