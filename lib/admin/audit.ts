import type { PrismaClient } from "../db/client";
import { formatDateTime } from "./dates";

type Tx = Pick<PrismaClient, "auditEntry">;

export type AuditInput = {
  userId: number | null;
  editionId?: number | null;
  action:
    | "create"
    | "update"
    | "delete"
    | "publish"
    | "unpublish"
    | "upload"
    | "link"
    | "unlink"
    | "move"
    | "reorder"
    | "import"
    | "enable"
    | "disable"
    | "role"
    | "password"
    | "revoke";
  entityType: "edition" | "page" | "article" | "user" | "publication";
  entityId?: number | null;
  summary: string;
};

export async function audit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      userId: entry.userId,
      editionId: entry.editionId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: entry.summary.slice(0, 500),
    },
  });
}

/** Who last changed an entity and when, for the "someone else saved in between" message. */
export async function lastChange(
  db: Tx,
  entityType: AuditInput["entityType"],
  entityId: number,
  fallback: Date,
): Promise<{ savedBy: string; savedAt: string }> {
  const last = await db.auditEntry.findFirst({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { user: { select: { name: true } } },
  });
  return { savedBy: last?.user?.name ?? "另一位编辑", savedAt: formatDateTime(last?.createdAt ?? fallback) };
}
