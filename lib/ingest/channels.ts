export const CHANNELS = ['kiosk', 'qr', 'web', 'hotline'] as const;
export type Channel = (typeof CHANNELS)[number];
