import type { PrismaClient } from "../db/client";

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
    | "import";
  entityType: "edition" | "page" | "article" | "user";
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
