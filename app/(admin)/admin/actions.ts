"use server";
import { redirect } from "next/navigation";
import { clearSession } from "@/lib/auth/session";

/** Signing out needs no role: it only ends the caller's own session. */
export async function logout(): Promise<void> {
  await clearSession();
  redirect("/admin/login");
}
