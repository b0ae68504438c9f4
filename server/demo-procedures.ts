import type { ProcedureRecord } from '@/lib/procedures/record';

// Illustrative details for the demo catalogue. The codes, names, sectors and levels in
// db/seed-data/seed.json are the province's published ones; everything this file adds (agency,
// time, fees, documents, steps, links…) is invented for the demo, stored with `illustrative` set
// and shown as "Dữ liệu minh họa" wherever it appears. A deployment imports the official list
// (README, "Procedures: the catalogue") before use.

type SeedProcedure = { code: string; name: string; sector: string | null; level: string | null };

const DEMO_PORTAL = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=';

const isBuildingPermit = (name: string) => /giấy phép xây dựng|giấy phép di dời/i.test(name);

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
