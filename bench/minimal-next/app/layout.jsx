// The smallest App Router app: the yardstick for what Next.js itself costs
// serving a prerendered page (npm run bench builds and measures it).
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
