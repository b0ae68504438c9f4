// Which surveys a desk takes answers to. By default every desk offers the questionnaires that ship
// with Hài Lòng (surveys/index.ts); an administrator can list others per desk instead (stored
// comma-separated in service_points.offered_surveys, null meaning the default). The desk's own
// phone and tablet surveys are always offered, since its QR code and tablet show them.

export const SHIPPED_SURVEYS = ['quick', 'sipas'] as const;

export type SurveyOffer = { phoneSurvey: string; kioskSurvey: string; offeredSurveys: string | null };

/** The slugs stored for a list; null for the default (an empty list also means the default). */
export function storedOffer(slugs: readonly string[]): string | null {
  const unique = [...new Set(slugs.map((s) => s.trim()).filter(Boolean))].sort();
  return unique.length === 0 ? null : unique.join(',');
}

export function offeredSurveys(point: SurveyOffer): string[] {
  const listed = point.offeredSurveys === null ? SHIPPED_SURVEYS : point.offeredSurveys.split(',');
  return [...new Set([...listed, point.phoneSurvey, point.kioskSurvey])].sort();
}

export function offersSurvey(point: SurveyOffer, slug: string): boolean {
  return offeredSurveys(point).includes(slug);
}
