import "server-only";
import { prisma } from "../db/prisma";

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
