"use server";
import { redirect } from "next/navigation";
import { adminAction } from "@/lib/admin/action";
import { createEdition as create } from "@/lib/admin/editions";
import type { FormState } from "@/lib/admin/form-state";
import { editionSchema } from "@/lib/admin/schemas";
import { adminUrls } from "@/lib/admin/urls";

export const createEdition = adminAction(editionSchema, async (input, { db, user }): Promise<FormState> => {
  const edition = await create(db, user, input);
  redirect(adminUrls.edition(edition.id));
});
