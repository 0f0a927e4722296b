/** @type {import('next').NextConfig} */
const nextConfig = { poweredByHeader: false, distDir: ".next-minimal" };

export default nextConfig;
