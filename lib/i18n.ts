// Citizen-facing text, Vietnamese first. Every key exists in both languages (the type checks it).

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function parseLocale(value: unknown): Locale {
  return value === 'en' ? 'en' : 'vi';
}

const vi = {
  appName: 'Hài Lòng',
  tagline: 'Đánh giá sự hài lòng về phục vụ hành chính công',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  desk: 'Quầy',
  unit: 'Đơn vị',
  procedure: 'Thủ tục',
  anonymousNote:
    'Đánh giá của bạn là ẩn danh: chúng tôi không lưu tên, số điện thoại hay địa chỉ IP của bạn.',
  loadingSurvey: 'Đang tải phiếu đánh giá…',
  sending: 'Đang gửi đánh giá…',
  retrying:
    'Chưa gửi được vì mạng không ổn định. Câu trả lời đã được lưu trên máy của bạn và sẽ tự gửi lại.',
  retryNow: 'Gửi lại ngay',
  rejected: 'Không thể nhận đánh giá này:',
  startOver: 'Làm lại phiếu',
  thanksTitle: 'Cảm ơn bạn đã đánh giá!',
  thanksBody:
    'Ý kiến của bạn giúp Sở Xây dựng phục vụ người dân và doanh nghiệp tốt hơn. Bạn có thể đóng trang này.',
  notFoundTitle: 'Không tìm thấy quầy này',
  notFoundBody:
    'Mã QR có thể đã cũ hoặc quầy đã ngừng tiếp nhận. Bạn vẫn có thể đánh giá bằng cách chọn đơn vị và quầy.',
  chooseDesk: 'Chọn quầy để đánh giá',
  pickTitle: 'Bạn được phục vụ ở quầy nào?',
  pickIntro: 'Chọn quầy đã tiếp nhận hồ sơ của bạn, rồi trả lời vài câu hỏi ngắn.',
  noDesks: 'Hiện chưa có quầy nào nhận đánh giá.',
  home: 'Trang chủ',
};

type Messages = typeof vi;

const en: Messages = {
  appName: 'Hài Lòng',
  tagline: 'Rate the public administrative service you received',
  switchLanguage: 'Tiếng Việt',
  switchLanguageLabel: 'Chuyển sang tiếng Việt',
  desk: 'Desk',
  unit: 'Unit',
  procedure: 'Procedure',
  anonymousNote: 'Your rating is anonymous: we do not store your name, phone number or IP address.',
  loadingSurvey: 'Loading the survey…',
  sending: 'Sending your rating…',
  retrying:
    'Not sent yet: the network is unstable. Your answers are saved on this device and will be sent again automatically.',
  retryNow: 'Send now',
  rejected: 'This rating could not be accepted:',
  startOver: 'Start again',
  thanksTitle: 'Thank you for your rating!',
  thanksBody:
    'Your feedback helps the Department of Construction serve citizens and businesses better. You may close this page.',
  notFoundTitle: 'Desk not found',
  notFoundBody:
    'The QR code may be out of date or the desk no longer takes ratings. You can still rate by choosing the unit and desk.',
  chooseDesk: 'Choose a desk to rate',
  pickTitle: 'Which desk served you?',
  pickIntro: 'Choose the desk that received your dossier, then answer a few short questions.',
  noDesks: 'No desk takes ratings at the moment.',
  home: 'Home',
};

export const messages: Record<Locale, Messages> = { vi, en };
export type { Messages };
