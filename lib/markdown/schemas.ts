import { defaultSchema } from "rehype-sanitize";
import type { Options as SanitizeSchema } from "rehype-sanitize";

/**
 * Both schemas start from GitHub's `defaultSchema` (keeping its `ancestors` rules for table parts
 * and its defaults for comments/doctypes) but replace the element and attribute lists outright:
 * nothing is inherited from `defaultSchema.attributes`, so no `class`, `id`, `style`, `title`,
 * `name` or ARIA attribute can come out of Markdown. Without `id`/`name` there is nothing to
 * clobber, so the `user-content-` prefixing is switched off.
 *
 * Images, footnote markup (`sup`, `section`) and task-list checkboxes (`input`) are not allowed;
 * the remark plugins in `./plugins` turn those into text before they reach this point.
 */
const base: SanitizeSchema = {
  ...defaultSchema,
  allowComments: false,
  allowDoctypes: false,
  clobber: [],
  clobberPrefix: "",
  required: {},
  // Removed with their content (anything else not allowed is unwrapped, keeping its text).
  strip: ["script", "style", "iframe", "object", "embed", "template", "noscript", "textarea"],
};

export const articleSanitizeSchema: SanitizeSchema = {
  ...base,
  tagNames: [
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "strong",
    "em",
    "del",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "hr",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  attributes: {
    a: ["href"],
    ol: ["start"],
    th: ["align"],
    td: ["align"],
  },
  protocols: {
    href: ["http", "https", "mailto"],
  },
};

export const insightSanitizeSchema: SanitizeSchema = {
  ...base,
  tagNames: ["p", "br", "strong", "em", "ul", "ol", "li", "a"],
  attributes: {
    a: ["href"],
    // A numbered list that starts at 3 should still say 3.
    ol: ["start"],
  },
  protocols: {
    href: ["http", "https"],
  },
};
