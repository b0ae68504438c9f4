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
  dossierForgedTitle: 'Liên kết đánh giá không hợp lệ',
  dossierForgedBody:
    'Mã QR này có thể đã bị sửa hoặc chép thiếu. Xin Ông/Bà quét lại mã QR in trên phiếu hẹn trả kết quả, hoặc đánh giá chung cho quầy.',
  dossierRatedTitle: 'Hồ sơ này đã được đánh giá',
  dossierRatedBody:
    'Xin cảm ơn Ông/Bà. Mỗi hồ sơ chỉ được đánh giá một lần và đánh giá cho hồ sơ này đã được ghi nhận.',
  rateDeskInstead: 'Đánh giá chung cho quầy',
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
  dossierForgedTitle: 'This rating link is not valid',
  dossierForgedBody:
    'The QR code may have been altered or copied incompletely. Please scan the QR code printed on your receipt again, or rate the desk in general.',
  dossierRatedTitle: 'This dossier has already been rated',
  dossierRatedBody: 'Thank you. Each dossier can be rated once, and the rating for this dossier has been recorded.',
  rateDeskInstead: 'Rate the desk in general',
};

export const messages: Record<Locale, Messages> = { vi, en };
export type { Messages };

// The kiosk tablet (issue 3): the citizen's screens, and the staff and pairing screens.
const kioskVi = {
  attractTitle: 'Chạm để đánh giá',
  attractLead: 'Ông/Bà vừa được phục vụ tại quầy này? Xin dành vài giây cho biết mức độ hài lòng.',
  attractAnonymous: 'Đánh giá ẩn danh, không cần đăng nhập.',
  elderlyOn: 'Chữ to hơn và đọc to câu hỏi',
  elderlyOff: 'Tắt đọc to',
  switchLanguage: 'English',
  startOver: 'Huỷ, trở về',
  thanksTitle: 'Cảm ơn Ông/Bà đã đánh giá!',
  thanksBody: 'Ý kiến của Ông/Bà đã được ghi nhận và giúp chúng tôi phục vụ tốt hơn.',
  thanksBack: 'Màn hình sẽ tự trở về sau ít giây.',
  loading: 'Đang tải…',
  notPairedTitle: 'Máy chưa được kết nối',
  notPairedBody: 'Máy tính bảng này chưa được kết nối với quầy, hoặc đã bị thu hồi. Xin báo cán bộ tại quầy.',
  pending: (n: number) => `Chờ gửi: ${n}`,
  lastSync: (time: string) => `Đồng bộ lúc ${time}`,
  neverSynced: 'Chưa đồng bộ',
  staffCorner: 'Dành cho cán bộ: nhấn giữ 3 giây',
  staffTitle: 'Dành cho cán bộ',
  pinLabel: 'Mã PIN của máy',
  pinSubmit: 'Mở',
  pinWrong: 'Mã PIN không đúng.',
  pinTooMany: 'Nhập sai quá nhiều lần. Xin thử lại sau một phút.',
  pinOffline: 'Máy đang mất mạng nên không kiểm tra được mã PIN. Xin thử lại khi có mạng.',
  cancel: 'Huỷ',
  staffDevice: 'Máy',
  staffDesk: 'Quầy',
  staffPending: 'Đánh giá chờ gửi',
  staffSetAside: 'Đánh giá bị máy chủ từ chối (đã để riêng)',
  staffLastSync: 'Đồng bộ thành công lần cuối',
  staffLastError: 'Lỗi gần nhất',
  staffVersion: 'Phiên bản',
  syncNow: 'Đồng bộ ngay',
  reload: 'Tải lại trang',
  exitFullscreen: 'Thoát toàn màn hình',
  closeStaff: 'Trở lại màn hình đánh giá',
  pairTitle: 'Kết nối máy tính bảng với quầy',
  pairIntro: 'Máy tính bảng này sẽ trở thành máy đánh giá tại:',
  unitLabel: 'Đơn vị',
  deskLabel: 'Quầy',
  deviceLabel: 'Tên máy',
  pairConfirm: 'Kết nối máy này',
  pairing: 'Đang kết nối…',
  openKiosk: 'Mở màn hình đánh giá',
  pairLinkInvalid:
    'Liên kết kết nối này đã được dùng hoặc đã hết hạn (sau 24 giờ). Xin quản trị viên tạo liên kết mới.',
};

type KioskMessages = typeof kioskVi;

const kioskEn: KioskMessages = {
  attractTitle: 'Tap to rate',
  attractLead: 'Were you just served at this desk? Please take a few seconds to tell us how satisfied you are.',
  attractAnonymous: 'Anonymous, no sign-in needed.',
  elderlyOn: 'Larger text, questions read aloud',
  elderlyOff: 'Stop reading aloud',
  switchLanguage: 'Tiếng Việt',
  startOver: 'Cancel, go back',
  thanksTitle: 'Thank you for your rating!',
  thanksBody: 'Your feedback has been recorded and helps us serve you better.',
  thanksBack: 'This screen will return in a few seconds.',
  loading: 'Loading…',
  notPairedTitle: 'This tablet is not connected',
  notPairedBody: 'This tablet is not connected to a desk, or its connection was revoked. Please tell the staff at the desk.',
  pending: (n: number) => `Waiting to send: ${n}`,
  lastSync: (time: string) => `Synced at ${time}`,
  neverSynced: 'Not synced yet',
  staffCorner: 'For staff: press and hold for 3 seconds',
  staffTitle: 'For staff',
  pinLabel: 'Device PIN',
  pinSubmit: 'Open',
  pinWrong: 'The PIN is not right.',
  pinTooMany: 'Too many wrong attempts. Please try again in a minute.',
  pinOffline: 'The tablet is offline, so the PIN cannot be checked. Please try again when the network is back.',
  cancel: 'Cancel',
  staffDevice: 'Device',
  staffDesk: 'Desk',
  staffPending: 'Ratings waiting to be sent',
  staffSetAside: 'Ratings refused by the server (set aside)',
  staffLastSync: 'Last successful sync',
  staffLastError: 'Last error',
  staffVersion: 'Version',
  syncNow: 'Sync now',
  reload: 'Reload page',
  exitFullscreen: 'Leave full screen',
  closeStaff: 'Back to the rating screen',
  pairTitle: 'Connect this tablet to a desk',
  pairIntro: 'This tablet will become the rating tablet of:',
  unitLabel: 'Unit',
  deskLabel: 'Desk',
  deviceLabel: 'Device name',
  pairConfirm: 'Connect this tablet',
  pairing: 'Connecting…',
  openKiosk: 'Open the rating screen',
  pairLinkInvalid: 'This pairing link has been used or has expired (after 24 hours). Please ask an administrator for a new one.',
};

export const kioskMessages: Record<Locale, KioskMessages> = { vi: kioskVi, en: kioskEn };
export type { KioskMessages };
