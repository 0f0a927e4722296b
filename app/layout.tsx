import type { Metadata, Viewport } from "next";
import { BEFORE_PAINT_SCRIPT } from "@/lib/reading/font-size";
import { siteOrigin } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "版面 Banmian", template: "%s · 版面" },
  description: "数字报纸：按日期、版面和文章阅读每天的报纸。",
  // Canonical links and Open Graph images are made absolute against SITE_URL (lib/site.ts).
  metadataBase: new URL(siteOrigin()),
  icons: {
    // /favicon.ico (app/favicon.ico) is linked by Next.js itself.
    icon: [{ url: "/icon-192.png", sizes: "192x192", type: "image/png" }],
    apple: "/apple-touch-icon.png",
  },
};

// No maximum-scale: readers pinch-zoom the page image.
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0a0a0a" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The inline script sets data-font-step and data-theme before the first paint, so React must accept them.
    <html lang="zh-CN" data-font-step="2" data-theme="light" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: BEFORE_PAINT_SCRIPT }} />
        <link rel="search" type="application/opensearchdescription+xml" title="版面" href="/opensearch.xml" />
      </head>
      <body className="min-h-screen bg-white font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        {children}
      </body>
    </html>
  );
}
