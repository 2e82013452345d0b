import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import {
  ArticleHeader,
  ArticleSectionBlock,
  ArticleSectionNav,
  articleBreadcrumbs,
} from "@/components/articles/article-parts";
import { FollowButton } from "@/components/follows/follow-button";
import { ArticleViewerProvider } from "@/components/insights/article-viewer";
import { JsonLd } from "@/components/json-ld";
import { SponsoredBy } from "@/components/sponsorship/sponsored-by";
import {
  getArticleView,
  resolveArticleRedirect,
  resolveArticleSlug,
  type ArticleView,
} from "@/lib/data/content";
import { getActiveSponsor } from "@/lib/data/sponsorship";
import { feedAlternates, feedPaths } from "@/lib/feeds";
import { extractFaq } from "@/lib/markdown/faq";
import { CONTRIBUTOR_CALLOUT, SITE_NAME, siteUrl } from "@/lib/site";
import { isSlugParam } from "@/lib/validation/text";
import { ArticleFeedback } from "./_components/article-feedback";
import { ContributorProgress } from "./_components/contributor-progress";
import { SectionContribution } from "./_components/section-contribution";
import { SectionInsights } from "./_components/section-insights";

// The same HTML for every anonymous reader, from Next's cache; edits and new insights revalidate the
// article's tag. Everything personal (the insight form, your progress) fills in on the client.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function loadArticle(slug: string): Promise<ArticleView | null> {
  if (!isSlugParam(slug)) return null;
  const id = await resolveArticleSlug(slug);
  return id ? getArticleView(id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  if (!article) return { title: "Article not found" };
  const url = `/articles/${article.slug}`;
  return {
    title: article.title,
    description: article.summary,
    alternates: {
      canonical: url,
      types: feedAlternates(
        (format) => feedPaths.articleInsights(article.slug, format),
        `New insights on “${article.title}”`,
      ),
    },
    openGraph: {
      type: "article",
      title: article.title,
      description: article.summary,
      url,
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      section: article.domain.name,
    },
  };
}

function structuredData(article: ArticleView) {
  const base = siteUrl();
  const absolute = (path: string) => new URL(path, base).toString();
  const crumbs = articleBreadcrumbs(article);
  const faq = article.sections.flatMap((section) => extractFaq(section.body));
  return [
    {
      "@context": "https://schema.org",
      "@type": "Article",
      headline: article.title,
      description: article.summary,
      datePublished: article.publishedAt,
      dateModified: article.updatedAt,
      articleSection: article.domain.name,
      mainEntityOfPage: absolute(`/articles/${article.slug}`),
      publisher: { "@type": "Organization", name: SITE_NAME, url: base.toString() },
    },
    {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: crumbs.map((crumb, index) => ({
        "@type": "ListItem",
        position: index + 1,
        name: crumb.label,
        item: absolute(crumb.href ?? `/articles/${article.slug}`),
      })),
    },
    ...(faq.length > 0
      ? [
          {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            mainEntity: faq.map((entry) => ({
              "@type": "Question",
              name: entry.question,
              acceptedAnswer: { "@type": "Answer", text: entry.answer },
            })),
          },
        ]
      : []),
  ];
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = await loadArticle(slug);
  if (!article) {
    // A slug an article had before it was renamed answers with a 308 to where it lives now. Only the page
    // redirects: metadata is streamed, and a redirect thrown there would arrive after a 200.
    const current = isSlugParam(slug) ? await resolveArticleRedirect(slug) : null;
    if (current) permanentRedirect(`/articles/${current}`);
    notFound();
  }
  const sponsor = await getActiveSponsor(article.domain.id);
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,46rem)_18rem] lg:justify-between">
      <JsonLd data={structuredData(article)} />
      <ArticleViewerProvider articleId={article.id} articleSlug={article.slug}>
        <article className="min-w-0">
          <ArticleHeader article={article} />
          <div className="mt-4">
            <FollowButton
              kind="article"
              id={article.id}
              name={article.title}
              returnTo={`/articles/${article.slug}`}
            />
          </div>

          <div className="mt-10 flex flex-col gap-12">
            {article.sections.map((section) => (
              <ArticleSectionBlock key={section.id} section={section}>
                {section.acceptsInsights ? (
                  <div className="mt-5 flex flex-col gap-3">
                    {section.insights.length > 0 ? (
                      <>
                        <h3 className="text-muted-foreground text-sm font-medium">
                          {section.insightCount} {section.insightCount === 1 ? "insight" : "insights"} from
                          members
                        </h3>
                        <SectionInsights
                          articleId={article.id}
                          sectionId={section.id}
                          sectionTitle={section.title}
                          initial={section.insights}
                          total={section.insightCount}
                        />
                      </>
                    ) : (
                      <p className="text-muted-foreground text-sm">
                        Be the first to add an insight to this section.
                      </p>
                    )}
                    <div>
                      <SectionContribution
                        sectionId={section.id}
                        sectionAnchor={section.anchor}
                        sectionTitle={section.title}
                        listedInsightIds={section.insights.map((insight) => insight.id)}
                      />
                    </div>
                  </div>
                ) : null}
              </ArticleSectionBlock>
            ))}
          </div>
          <ArticleFeedback articleId={article.id} yesCount={article.yesCount} />
        </article>

        <aside
          aria-label="About contributing"
          className="flex flex-col gap-6 lg:sticky lg:top-20 lg:self-start"
        >
          <div className="border-border bg-card rounded-lg border p-5">
            <h2 className="font-semibold">Share what you know</h2>
            <p className="text-muted-foreground mt-2 text-sm leading-relaxed">{CONTRIBUTOR_CALLOUT}</p>
            <ContributorProgress />
            <Link
              href="/contribute"
              className="text-accent mt-3 inline-block rounded-sm text-sm font-medium hover:underline"
            >
              Learn more about how to contribute
            </Link>
          </div>
          {sponsor ? <SponsoredBy sponsor={sponsor} /> : null}
          <ArticleSectionNav sections={article.sections} />
        </aside>
      </ArticleViewerProvider>
    </div>
  );
}
