import { describe, expect, test } from 'vitest';

import { bareRecord, localizeRecord, readRecord, type ProcedureRecord } from './record';

const record: ProcedureRecord = {
  ...bareRecord({ code: '1.1', name: 'Cấp giấy phép', sector: 'Xây dựng', level: 'tỉnh' }),
  processingTime: '15 ngày',
  fees: 'Lệ phí: 75.000 đồng',
  documents: [
    { name: 'Đơn đề nghị', originals: 1, copies: 0 },
    { name: 'Bản vẽ', originals: 2, copies: 0 },
  ],
  steps: ['Nộp', 'Nhận'],
  legalBasis: ['Luật Xây dựng'],
};

describe('localizeRecord', () => {
  test('in Vietnamese, the record as it is', () => {
    const en = { ...record, en: { name: 'Permit' } };
    expect(localizeRecord(en, 'vi')).toEqual({ record: en, vietnamese: new Set(), all: false });
  });

  test('in English, translated fields replace the Vietnamese; the others are listed as Vietnamese only', () => {
    const {
      record: shown,
      vietnamese,
      all,
    } = localizeRecord(
      { ...record, en: { name: 'Permit', processingTime: '15 days', documents: ['Application', 'Drawings'] } },
      'en',
    );
    expect(shown).toMatchObject({
      name: 'Permit',
      processingTime: '15 days',
      fees: 'Lệ phí: 75.000 đồng',
      documents: [
        { name: 'Application', originals: 1, copies: 0 },
        { name: 'Drawings', originals: 2, copies: 0 },
      ],
      steps: ['Nộp', 'Nhận'],
    });
    // Empty fields are no Vietnamese: they say "not yet stated" in English.
    expect([...vietnamese].sort()).toEqual(['fees', 'legalBasis', 'steps']);
    expect(all).toBe(false);
  });

  test('a record with no English is all Vietnamese', () => {
    const { record: shown, vietnamese, all } = localizeRecord(record, 'en');
    expect(shown).toEqual(record);
    expect(all).toBe(true);
    expect([...vietnamese].sort()).toEqual(['documents', 'fees', 'legalBasis', 'name', 'processingTime', 'steps']);
  });
});

describe('readRecord', () => {
  test('a record stored before English existed reads with none', () => {
    const { en: _, ...old } = record;
    expect(readRecord(JSON.stringify(old), record).en).toBeNull();
    expect(readRecord(JSON.stringify({ ...old, en: { name: 'Permit' } }), record).en).toEqual({ name: 'Permit' });
  });
});
