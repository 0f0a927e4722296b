// Rules for linking an article part to its continuation ("（下转第8版）").
// A chain must run forward through the paper: each part on a later page than
// the one before, each part with at most one predecessor and one successor.

export type LinkCandidate = {
  id: number;
  title: string;
  pageCode: string;
  /** Position of the article's page in the edition (page sortOrder). */
  pageOrder: number;
  nextPartId: number | null;
};

export type LinkCheck = { ok: true } | { ok: false; reason: string };

export function validateContinuationLink(fromId: number, toId: number, articles: LinkCandidate[]): LinkCheck {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const from = byId.get(fromId);
  const to = byId.get(toId);
  if (!from || !to) return { ok: false, reason: "只能链接同一期中的文章。" };
  if (from.id === to.id) return { ok: false, reason: "文章不能接续它自己。" };
  if (from.nextPartId !== null && from.nextPartId !== to.id) {
    const current = byId.get(from.nextPartId);
    return { ok: false, reason: `本文已转至「${current?.title ?? "另一篇文章"}」，请先取消那个链接。` };
  }
  if (from.nextPartId === to.id) return { ok: false, reason: "这两篇文章已经链接。" };
  const predecessor = articles.find((article) => article.nextPartId === to.id);
  if (predecessor)
    return {
      ok: false,
      reason: `「${to.title}」已接自「${predecessor.title}」（第${predecessor.pageCode}版），一篇文章只能有一个上文。`,
    };
  if (to.pageOrder <= from.pageOrder) {
    return { ok: false, reason: `转接只能向后：第${to.pageCode}版不在第${from.pageCode}版之后。` };
  }
  // Following the chain from the target must never come back to the source.
  const seen = new Set<number>();
  for (
    let current: LinkCandidate | undefined = to;
    current;
    current = current.nextPartId === null ? undefined : byId.get(current.nextPartId)
  ) {
    if (current.id === from.id || seen.has(current.id)) return { ok: false, reason: "这个链接会形成循环。" };
    seen.add(current.id);
  }
  return { ok: true };
}
