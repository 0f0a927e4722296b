import "server-only";
import type { EditionLinks } from "@/lib/reading/types";
import { loadArticleBody } from "../data/articles";
import { loadEdition } from "../data/editions";
import { parseUrlPageCode } from "../reading/page-codes";
import { findArticle, findPage } from "../reading/reading-order";
import { parseUrlArticleNumber } from "../reading/urls";
import { idParam } from "./schemas";
import { adminUrls } from "./urls";

/** The reader's own views and data (uncached, any status), with links kept inside the preview. */
export async function loadPreview(editionIdParam: string) {
  const editionId = idParam(editionIdParam);
  const edition = editionId ? await loadEdition(editionId) : null;
  if (!edition) return null;
  const base = adminUrls.preview(edition.id);
  const links: EditionLinks = { base, home: base, archive: null, previousEdition: null, nextEdition: null };
  return { edition, links };
}

export async function loadPreviewPage(editionIdParam: string, pageParam: string) {
  const preview = await loadPreview(editionIdParam);
  const code = parseUrlPageCode(pageParam);
  const page = preview && code ? findPage(preview.edition, code.code) : null;
  return preview && page ? { ...preview, page } : null;
}

export async function loadPreviewArticle(editionIdParam: string, pageParam: string, articleParam: string) {
  const preview = await loadPreviewPage(editionIdParam, pageParam);
  const number = parseUrlArticleNumber(articleParam);
  const location = preview && number ? findArticle(preview.edition, preview.page.code, number.position) : null;
  const body = location ? await loadArticleBody(location.article.id) : null;
  return preview && location && body ? { ...preview, location, blocks: body.blocks } : null;
}
