import type { ArticleSummary, EditionSnapshot, PageSummary } from "@/lib/reading/types";

/** schema.org NewsArticle with where it stands in print. */
export function NewsArticleJsonLd({
  edition,
  page,
  article,
  url,
}: {
  edition: EditionSnapshot;
  page: PageSummary;
  article: ArticleSummary;
  url: string;
}) {
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    ...(article.subtitle ? { alternativeHeadline: article.subtitle } : {}),
    ...(article.lead ? { description: article.lead } : {}),
    datePublished: edition.issueDate,
    url,
    printEdition: `第${edition.issueNumber}期`,
    printPage: page.code,
    printSection: page.name,
    ...(article.byline
      ? { author: { "@type": "Person", name: article.byline.replace(/^[□\s]*(记者|通讯员)?\s*/, "") } }
      : {}),
    publisher: { "@type": "NewsMediaOrganization", name: edition.publication.name },
    isPartOf: {
      "@type": "PublicationIssue",
      issueNumber: String(edition.issueNumber),
      datePublished: edition.issueDate,
    },
  };
  // "<" is escaped so a title can never close the script element.
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}
