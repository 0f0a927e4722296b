import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AccountMenu } from "@/components/admin/account-menu";
import { logout } from "./actions";

// The admin renders per request for a signed-in editor: nothing in it can be prerendered, so navigations may wait for the server.
export const instant = false;

export const metadata: Metadata = {
  title: { default: "编辑后台", template: "%s · 编辑后台 · 版面" },
  robots: { index: false },
};

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-neutral-50">
      <header className="border-b border-neutral-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/admin" className="text-lg font-bold text-[var(--color-masthead)]">
            版面 · 编辑后台
          </Link>
          <Suspense fallback={null}>
            <AccountMenu logout={logout} />
          </Suspense>
        </div>
      </header>
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </div>
  );
}
