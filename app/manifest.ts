import type { MetadataRoute } from "next";

// Installable from the browser's menu; opens on the newest edition.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "版面 Banmian 数字报",
    short_name: "版面",
    description: "数字报纸：按日期、版面和文章阅读每天的报纸。",
    lang: "zh-CN",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#a4161a",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
