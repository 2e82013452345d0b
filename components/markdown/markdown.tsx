import Markdown from "react-markdown";
import type { Components, Options } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";

// Relative imports: this file is also loaded by vitest runs that have no `@/` alias configured.
import { remarkArticleShape, remarkInsightSubset } from "../../lib/markdown/plugins";
import { articleSanitizeSchema, insightSanitizeSchema } from "../../lib/markdown/schemas";
import { articleUrlPolicy, insightUrlPolicy, isExternalHref, safeUrl } from "../../lib/markdown/url";

type MarkdownProps = { source: string };

// GFM column alignment as classes: react-markdown would otherwise emit inline `style` attributes,
// which we never output (they also need `style-src 'unsafe-inline'` under a strict CSP).
const alignClass: Record<string, string> = { left: "text-left", center: "text-center", right: "text-right" };

function alignmentOf(node: { properties: Record<string, unknown> } | undefined): string | undefined {
  const align = node?.properties.align;
  return typeof align === "string" ? alignClass[align] : undefined;
}

// Raw HTML: dropped from articles (editors' markup is never content), shown as literal text in insights (members typing `<3` or `<b>` keep their words).

const articleOptions = {
  skipHtml: true,
  remarkPlugins: [remarkGfm, remarkArticleShape],
  rehypePlugins: [[rehypeSanitize, articleSanitizeSchema]],
  urlTransform: (url) => safeUrl(url, articleUrlPolicy),
  components: {
    a: ({ href, children }) =>
      href ? (
        <a href={href} rel={isExternalHref(href) ? "noopener noreferrer" : undefined}>
          {children}
        </a>
      ) : (
        <>{children}</>
      ),
    // The sanitizer allows no attributes on <table>, so only children need passing on.
    table: ({ children }) => (
      <div className="table-scroll" role="region" aria-label="Table" tabIndex={0}>
        <table>{children}</table>
      </div>
    ),
    th: ({ node, children }) => <th className={alignmentOf(node)}>{children}</th>,
    td: ({ node, children }) => <td className={alignmentOf(node)}>{children}</td>,
  } satisfies Components,
} satisfies Options;

const insightOptions = {
  skipHtml: true,
  remarkPlugins: [remarkGfm, remarkInsightSubset, remarkBreaks],
  rehypePlugins: [[rehypeSanitize, insightSanitizeSchema]],
  urlTransform: (url) => safeUrl(url, insightUrlPolicy),
  components: {
    a: ({ href, children }) =>
      href ? (
        <a href={href} rel="nofollow ugc noopener">
          {children}
        </a>
      ) : (
        <>{children}</>
      ),
  } satisfies Components,
} satisfies Options;

/** An article section body: CommonMark + GFM, headings start at h3, no raw HTML, no images. */
export function ArticleMarkdown({ source }: MarkdownProps) {
  return (
    <div className="prose-article">
      <Markdown {...articleOptions}>{source}</Markdown>
    </div>
  );
}

/** A member's insight: paragraphs, line breaks, bold, italic, lists and http(s) links only. */
export function InsightMarkdown({ source }: MarkdownProps) {
  return (
    <div className="prose-insight">
      <Markdown {...insightOptions}>{source}</Markdown>
    </div>
  );
}
