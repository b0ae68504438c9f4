import type { PointRow } from '@/db/queries/points';
import type { SurveyOverview } from '@/db/queries/surveys';
import type { UnitRow } from '@/db/queries/units';
import { SHIPPED_SURVEYS } from '@/lib/survey/offered';

import type { FieldSpec } from './AdminForm';
import { unitOptions } from './bits';

/** The desk form's fields, shared by "new desk" (no point) and "edit desk". */
export function pointFields(
  units: readonly UnitRow[],
  surveys: readonly SurveyOverview[],
  point?: PointRow,
): FieldSpec[] {
  const surveyOptions = surveys.map((s) => ({
    value: s.slug,
    label: `${s.slug}${s.publishedVersion ? ` (v${s.publishedVersion})` : ' (chưa xuất bản)'}`,
  }));
  return [
    point
      ? { name: 'id', label: '', type: 'hidden', defaultValue: String(point.id) }
      : { name: 'code', label: 'Mã quầy', required: true, hint: 'Xuất hiện trong đường dẫn QR, ví dụ TTHCC-Q09' },
    { name: 'name', label: 'Tên quầy', required: true, defaultValue: point?.name },
    { name: 'nameEn', label: 'Tên tiếng Anh', defaultValue: point?.nameEn ?? '' },
    {
      name: 'unitId',
      label: 'Đơn vị',
      type: 'select',
      required: true,
      options: unitOptions(units, point ? undefined : '(Chọn đơn vị)'),
      defaultValue: point ? String(point.unitId) : '',
    },
    {
      name: 'location',
      label: 'Vị trí',
      defaultValue: point?.location ?? '',
      hint: 'Ví dụ: Tầng 1, Trung tâm Phục vụ hành chính công',
    },
    {
      name: 'phoneSurvey',
      label: 'Phiếu cho điện thoại (QR)',
      type: 'select',
      options: surveyOptions,
      defaultValue: point?.phoneSurvey ?? 'quick',
    },
    {
      name: 'kioskSurvey',
      label: 'Phiếu cho máy tính bảng',
      type: 'select',
      options: surveyOptions,
      defaultValue: point?.kioskSurvey ?? 'quick',
    },
    {
      name: 'offeredSurveys',
      label: 'Phiếu quầy nhận đánh giá',
      defaultValue: point?.offeredSurveys?.split(',').join(', ') ?? '',
      hint: `Mã phiếu, cách nhau bởi dấu phẩy. Để trống: mọi phiếu đi kèm Hài Lòng (${SHIPPED_SURVEYS.join(', ')}). Phiếu QR và phiếu máy tính bảng của quầy luôn được nhận. / Survey slugs, comma-separated; empty: every survey that ships.`,
    },
    ...(point
      ? [{ name: 'active', label: 'Đang hoạt động', type: 'checkbox' as const, defaultChecked: point.active }]
      : []),
  ];
}
