import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleViewerProvider } from "@/components/insights/article-viewer";
import { JsonLd } from "@/components/json-ld";
import { ArticleMarkdown } from "@/components/markdown/markdown";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { SponsoredBy } from "@/components/sponsorship/sponsored-by";
import { RelativeTime } from "@/components/ui/relative-time";
import { getArticleView, resolveArticleSlug, type ArticleView } from "@/lib/data/content";
import { getActiveSponsor } from "@/lib/data/sponsorship";
import { feedAlternates, feedPaths } from "@/lib/feeds";
import { extractFaq } from "@/lib/markdown/faq";
import { CONTRIBUTOR_CALLOUT, SITE_NAME, siteUrl } from "@/lib/site";
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

function breadcrumbsOf(article: ArticleView) {
  return [
    { label: "Home", href: "/" },
    ...(article.domain.parent
      ? [{ label: article.domain.parent.name, href: `/domains/${article.domain.parent.slug}` }]
      : []),
    { label: article.domain.name, href: `/domains/${article.domain.slug}` },
    { label: article.title },
  ];
}

function structuredData(article: ArticleView) {
  const base = siteUrl();
  const absolute = (path: string) => new URL(path, base).toString();
  const crumbs = breadcrumbsOf(article);
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
  const article = await loadArticle((await params).slug);
  if (!article) notFound();
  const sponsor = await getActiveSponsor(article.domain.id);
  const collaborative = article.kind === "COLLABORATIVE";
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,46rem)_18rem] lg:justify-between">
      <JsonLd data={structuredData(article)} />
      <ArticleViewerProvider articleId={article.id} articleSlug={article.slug}>
        <article className="min-w-0">
          <header className="flex flex-col gap-4">
            <Breadcrumbs items={breadcrumbsOf(article)} />
            <div className="text-muted-foreground flex flex-wrap items-center gap-2 text-sm">
              <Badge variant={collaborative ? "outline" : "secondary"}>
                {collaborative ? "Collaborative article" : "Guide"}
              </Badge>
              <span>
                Published <RelativeTime date={article.publishedAt} />
              </span>
            </div>
            <h1 className="text-3xl leading-tight font-bold tracking-tight text-balance sm:text-4xl">
              {article.title}
            </h1>
            <p className="text-muted-foreground text-lg leading-relaxed">{article.summary}</p>
          </header>

          <div className="mt-10 flex flex-col gap-12">
            {article.sections.map((section) => (
              <section key={section.id} id={section.anchor} aria-labelledby={`${section.anchor}-title`}>
                <h2 id={`${section.anchor}-title`} className="text-2xl font-semibold tracking-tight">
                  {section.title}
                </h2>
                <div className="mt-3">
                  <ArticleMarkdown source={section.body} />
                </div>
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
              </section>
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
          <nav aria-label="Sections" className="hidden lg:block">
            <h2 className="text-muted-foreground text-xs font-semibold tracking-wide uppercase">
              In this article
            </h2>
            <ol className="mt-3 flex flex-col gap-2 text-sm">
              {article.sections.map((section) => (
                <li key={section.id}>
                  <a
                    href={`#${section.anchor}`}
                    className="text-muted-foreground hover:text-foreground rounded-sm"
                  >
                    {section.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        </aside>
      </ArticleViewerProvider>
    </div>
  );
}
