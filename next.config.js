/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The phone page must stay light on a cheap phone over 3G.
  compress: true,
};

export default nextConfig;
