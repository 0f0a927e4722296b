"use server";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db/prisma";
import { requireUser } from "@/lib/auth/session";
import { audit } from "@/lib/admin/audit";
import { dateFromIso } from "@/lib/admin/dates";
import { formValues, invalid, isUniqueViolation, type FormState } from "@/lib/admin/form-state";
import { editionSchema } from "@/lib/admin/schemas";

export async function createEdition(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = editionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { publicationId, issueDate, issueNumber } = parsed.data;
  let editionId: number;
  try {
    editionId = await prisma.$transaction(async (tx) => {
      const edition = await tx.edition.create({
        data: { publicationId, issueDate: dateFromIso(issueDate), issueNumber },
      });
      await audit(tx, {
        userId: user.id,
        editionId: edition.id,
        action: "create",
        entityType: "edition",
        entityId: edition.id,
        summary: `新建期次 ${issueDate}（第 ${issueNumber} 期）`,
      });
      return edition.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return {
        message: "请修改标出的内容后再保存。",
        fieldErrors: { issueDate: [`${issueDate} 已经有一期报纸了，请选择其他日期或打开那一期。`] },
        values: formValues(formData),
      };
    }
    if ((error as { code?: string }).code === "P2003") {
      return {
        message: "所选报纸不存在。",
        fieldErrors: { publicationId: ["请选择报纸"] },
        values: formValues(formData),
      };
    }
    throw error;
  }
  redirect(`/admin/editions/${editionId}`);
}
