// Publications (the papers one install hosts): the admin's list and the one write.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "../db/client";
import { isDbError } from "../db/errors";
import { prisma } from "../db/prisma";
import { audit } from "./audit";
import type { Actor } from "./editions";
import { InputError } from "./form-state";
import type { publicationSchema } from "./schemas";

export async function listPublicationsForAdmin() {
  const rows = await prisma.publication.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    include: { _count: { select: { editions: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    isDefault: row.isDefault,
    editionCount: row._count.editions,
  }));
}

/**
 * Creates a publication, or changes the one `id` names. Exactly one
 * publication is the default (the reader's unprefixed URLs): making one the
 * default takes it from the other; the first publication always is.
 */
export async function savePublication(
  db: PrismaClient,
  actor: Actor,
  input: z.output<typeof publicationSchema>,
): Promise<{ id: number }> {
  const { id, slug, name, description, isDefault } = input;
  try {
    return await db.$transaction(async (tx) => {
      if (isDefault) await tx.publication.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
      const data = { slug, name, description, ...(isDefault ? { isDefault: true } : {}) };
      let savedId: number;
      if (id) {
        const updated = await tx.publication.updateMany({ where: { id }, data });
        if (updated.count === 0) throw InputError.on("form", "这份报纸已不存在（可能刚被删除）。");
        savedId = id;
      } else {
        const isFirst = (await tx.publication.count()) === 0;
        savedId = (await tx.publication.create({ data: { ...data, isDefault: Boolean(isDefault) || isFirst } })).id;
      }
      await audit(tx, {
        userId: actor.id,
        action: id ? "update" : "create",
        entityType: "publication",
        entityId: savedId,
        summary: `${id ? "修改" : "新建"}报纸「${name}」（代号 ${slug}${isDefault ? "，设为默认" : ""}）`,
      });
      return { id: savedId };
    });
  } catch (error) {
    if (isDbError(error, "unique", "publications_slug_key")) throw InputError.on("slug", `代号 ${slug} 已被使用。`);
    throw error;
  }
}
