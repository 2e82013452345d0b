import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { insightUrlPolicy, safeUrl } from "./url";

const parser = unified().use(remarkParse).use(remarkGfm);

// "www." on its own parses as a link to nowhere: only addresses with a host name count.
function hasRealHost(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return /^[^.]+(\.[^.]+)+$/.test(hostname);
  } catch {
    return false;
  }
}

/**
 * How many links an insight renders as: Markdown links, `<autolinks>`, bare URLs and `www.` addresses
 * (GFM turns those into links too), counting only those the insight renderer keeps (http and https).
 */
export function countLinks(markdown: string): number {
  const tree: Root = parser.parse(markdown);
  let links = 0;
  visit(tree, "link", (node) => {
    const url = safeUrl(node.url, insightUrlPolicy);
    if (url !== null && hasRealHost(url)) links++;
  });
  return links;
}
