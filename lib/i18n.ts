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
  caseTitle: 'Ý kiến của bạn đã được chuyển đến đơn vị để xử lý',
  caseCodeLabel: 'Mã phản ánh của bạn',
  caseCodeHint: 'Hãy ghi lại mã này. Bạn có thể xem kết quả xử lý tại trang Tra cứu phản ánh:',
  lookupLink: 'Tra cứu phản ánh',
  contactOffer: 'Bạn có muốn cán bộ gọi lại hoặc gửi email cho bạn không? (không bắt buộc)',
  contactName: 'Họ tên (không bắt buộc)',
  contactPhone: 'Số điện thoại',
  contactEmail: 'Email',
  contactPhoneOrEmail: 'Nhập số điện thoại hoặc email.',
  contactConsent:
    'Tôi đồng ý để cơ quan dùng số điện thoại/email này chỉ để liên hệ về ý kiến của tôi. Thông tin được xóa 30 ngày sau khi phản ánh được xử lý xong.',
  contactSend: 'Gửi thông tin liên hệ',
  contactSaved: 'Đã nhận thông tin liên hệ. Cán bộ sẽ liên hệ với bạn.',
  contactFailed: 'Chưa gửi được thông tin liên hệ:',
  lookupTitle: 'Tra cứu phản ánh',
  lookupIntro: 'Nhập mã phản ánh được hiển thị sau khi bạn đánh giá (ví dụ PA-7K3M9QX-4).',
  lookupCode: 'Mã phản ánh',
  lookupSubmit: 'Tra cứu',
  lookupInvalid: 'Mã không hợp lệ. Vui lòng kiểm tra lại từng ký tự.',
  lookupNotFound: 'Không tìm thấy phản ánh với mã này.',
  lookupStatus: 'Trạng thái',
  lookupUnit: 'Đơn vị xử lý',
  lookupOpened: 'Ngày tiếp nhận',
  lookupDue: 'Hạn xử lý',
  lookupClosed: 'Ngày hoàn thành',
  lookupReply: 'Trả lời của cơ quan',
  lookupNoReply: 'Cơ quan chưa có trả lời.',
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
  caseTitle: 'Your feedback has been passed to the unit to handle',
  caseCodeLabel: 'Your case code',
  caseCodeHint: 'Please note this code. You can follow the case on the case lookup page:',
  lookupLink: 'Case lookup',
  contactOffer: 'Would you like an officer to call or email you back? (optional)',
  contactName: 'Name (optional)',
  contactPhone: 'Phone number',
  contactEmail: 'Email',
  contactPhoneOrEmail: 'Give a phone number or an email.',
  contactConsent:
    'I agree that the agency uses this phone number/email only to contact me about my feedback. It is deleted 30 days after my feedback has been handled.',
  contactSend: 'Send contact details',
  contactSaved: 'Contact details received. An officer will contact you.',
  contactFailed: 'Your contact details could not be sent:',
  lookupTitle: 'Case lookup',
  lookupIntro: 'Enter the case code shown after your rating (for example PA-7K3M9QX-4).',
  lookupCode: 'Case code',
  lookupSubmit: 'Look up',
  lookupInvalid: 'This is not a valid code. Please check each character.',
  lookupNotFound: 'No case has this code.',
  lookupStatus: 'Status',
  lookupUnit: 'Handled by',
  lookupOpened: 'Received',
  lookupDue: 'Due',
  lookupClosed: 'Completed',
  lookupReply: 'The agency’s reply',
  lookupNoReply: 'The agency has not replied yet.',
};

export const messages: Record<Locale, Messages> = { vi, en };
export type { Messages };
