import type { ProcedureEnglish, ProcedureRecord } from '@/lib/procedures/record';

// Illustrative details for the demo catalogue. The codes, names, sectors and levels in
// db/seed-data/seed.json are the province's published ones; everything this file adds (agency,
// time, fees, documents, steps, links…) is invented for the demo, stored with `illustrative` set
// and shown as "Dữ liệu minh họa" wherever it appears. A deployment imports the official list
// (README, "Procedures: the catalogue") before use.

type SeedProcedure = { code: string; name: string; sector: string | null; level: string | null };

const DEMO_PORTAL = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=';

const isBuildingPermit = (name: string) => /giấy phép xây dựng|giấy phép di dời/i.test(name);

// English for a few of them, so the English pages show both cases: a translated record, and
// fields left in Vietnamese. The names are our translations of the published names; the rest is
// as invented as the Vietnamese details above it, and as illustrative.
const ENGLISH_NAMES: Record<string, string> = {
  '1.013225': 'Issuing a new construction permit for grade III and IV works and detached houses',
  '1.013229': 'Issuing a construction permit to repair or renovate grade III and IV works and detached houses',
  '1.013236': 'Issuing a new construction permit for special-grade, grade I and grade II works',
  '1.013237': 'Issuing a new construction practising certificate',
  '1.014159': 'Providing urban and rural planning information',
};

function illustrativeEnglish(code: string, buildingPermit: boolean, province: boolean): ProcedureEnglish | null {
  const name = ENGLISH_NAMES[code];
  if (!name) return null;
  if (!buildingPermit)
    // Name, time and fees only: the rest shows in Vietnamese, marked "Vietnamese only".
    return {
      name,
      processingTime: '15 working days from receipt of a complete, valid dossier',
      fees: 'As currently regulated (see the legal basis)',
    };
  return {
    name,
    agency: province ? 'Department of Construction' : "Commune People's Committee",
    processingTime: `${province ? 20 : 15} days from receipt of a complete, valid dossier`,
    fees: `Construction permit fee: ${province ? '150,000' : '75,000'} VND per permit`,
    documents: [
      'Application for a construction permit',
      'Papers proving the right to use the land',
      'Construction design drawings',
    ],
    steps: [
      'File the dossier at the Public Administrative Service Centre or on the National Public Service Portal',
      'Staff check and accept the dossier and give a date for the result',
      'The competent authority appraises the dossier and inspects the site',
      'The result is returned to the applicant',
    ],
    ways: ['In person at the reception desk', 'By post', 'Online on the National Public Service Portal'],
    result: 'Construction permit',
  };
}

export function illustrativeRecord(p: SeedProcedure): ProcedureRecord {
  const province = p.level !== 'xã';
  const agency = province ? 'Sở Xây dựng' : 'Ủy ban nhân dân cấp xã';
  const common = {
    code: p.code,
    name: p.name,
    sector: p.sector,
    level: p.level,
    agency,
    dossierCount: '01 bộ',
    ways: ['Trực tiếp tại Bộ phận tiếp nhận và trả kết quả', 'Dịch vụ bưu chính', 'Trực tuyến trên Cổng Dịch vụ công'],
    onlineUrl: `${DEMO_PORTAL}${encodeURIComponent(p.code)}`,
    forms: ['Mẫu đơn đề nghị (theo mẫu ban hành kèm văn bản quy phạm pháp luật)'],
    en: illustrativeEnglish(p.code, isBuildingPermit(p.name), province),
  };
  if (isBuildingPermit(p.name)) {
    return {
      ...common,
      processingTime: province ? '20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ' : '15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ',
      fees: province
        ? 'Lệ phí cấp giấy phép xây dựng: 150.000 đồng/giấy phép'
        : 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ: 75.000 đồng/giấy phép',
      documents: [
        { name: 'Đơn đề nghị cấp giấy phép xây dựng', originals: 1, copies: 0 },
        { name: 'Giấy tờ chứng minh quyền sử dụng đất', originals: 0, copies: 1 },
        { name: 'Bản vẽ thiết kế xây dựng', originals: 2, copies: 0 },
      ],
      steps: [
        'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công hoặc trên Cổng Dịch vụ công',
        'Cán bộ kiểm tra, tiếp nhận hồ sơ và hẹn ngày trả kết quả',
        'Cơ quan có thẩm quyền thẩm định hồ sơ, kiểm tra thực địa',
        'Trả kết quả cho người nộp hồ sơ',
      ],
      onlineLevel: 'Một phần',
      result: 'Giấy phép xây dựng',
      legalBasis: [
        'Luật Xây dựng năm 2014, sửa đổi, bổ sung năm 2020',
        'Nghị định hướng dẫn về cấp giấy phép xây dựng',
      ],
    };
  }
  return {
    ...common,
    processingTime: '15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ',
    fees: 'Theo quy định hiện hành (xem văn bản căn cứ pháp lý)',
    documents: [
      { name: 'Đơn đề nghị theo mẫu', originals: 1, copies: 0 },
      { name: 'Giấy tờ chứng minh điều kiện theo quy định', originals: 0, copies: 1 },
    ],
    steps: ['Nộp hồ sơ', 'Kiểm tra, tiếp nhận hồ sơ', 'Giải quyết hồ sơ', 'Trả kết quả'],
    onlineLevel: 'Toàn trình',
    result: 'Văn bản giải quyết thủ tục hành chính',
    legalBasis: ['Văn bản quy phạm pháp luật chuyên ngành về ' + (p.sector ?? 'lĩnh vực').toLowerCase()],
  };
}
