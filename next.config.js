/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The phone page must stay light on a cheap phone over 3G.
  compress: true,
  // The stylesheet goes inside the HTML: on a 150 ms round trip a separate, render-blocking CSS
  // request (a new connection, sharing the line with the scripts) held the first paint back
  // (bench/first-answer.ts). Each page's CSS is small since app/globals.css was split by screen.
  experimental: { inlineCss: true },
  // Same list as lib/http/security-headers.ts (a .js config cannot import TypeScript); a unit
  // test keeps the two equal. The per-page CSP comes from proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
