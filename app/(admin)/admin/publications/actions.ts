"use server";
import { revalidatePath, revalidateTag } from "next/cache";
import { adminAction } from "@/lib/admin/action";
import type { FormState } from "@/lib/admin/form-state";
import { savePublication as save } from "@/lib/admin/publications";
import { revalidateReader } from "@/lib/admin/revalidate";
import { publicationSchema } from "@/lib/admin/schemas";
import { adminUrls } from "@/lib/admin/urls";
import { TAGS } from "@/lib/cache-tags";

/** Admins only: creates a publication, or changes one when `id` is given. */
export const savePublication = adminAction(
  publicationSchema,
  async (input, { db, user }): Promise<FormState> => {
    await save(db, user, input);
    revalidateTag(TAGS.publications, { expire: 0 });
    revalidateReader({ editions: true });
    revalidatePath(adminUrls.publications);
    return { ok: true, message: `已保存「${input.name}」。` };
  },
  { role: "ADMIN" },
);
