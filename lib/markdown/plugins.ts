import type {
  BlockContent,
  DefinitionContent,
  FootnoteDefinition,
  Heading,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Text,
} from "mdast";

/**
 * Remark (Markdown syntax tree) plugins. Shaping happens here, before HTML exists, so that the
 * sanitizer afterwards only ever has to delete: it never sees an element we meant to keep.
 */

type Block = BlockContent | DefinitionContent;

const text = (value: string): Text => ({ type: "text", value });
const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: "paragraph", children });

/** Markdown `#`/`##`/`###` → h3, `####` and deeper → h4: the page owns h1 (title) and h2 (sections). */
export function shiftHeadingDepth(depth: Heading["depth"]): Heading["depth"] {
  return depth <= 3 ? 3 : 4;
}

/**
 * Footnotes would need `id`s, which the sanitizer refuses (several sections share one page, so
 * `fn-1` would collide), so they are shown as the text the editor wrote: `[^1]` and `[^1]: …`.
 */
function footnoteLabel(node: { label?: string | null; identifier: string }): string {
  return `[^${node.label ?? node.identifier}]`;
}

function literalFootnoteDefinition(node: FootnoteDefinition, children: Block[]): Block[] {
  const prefix = text(`${footnoteLabel(node)}: `);
  const [first, ...rest] = children;
  if (first?.type === "paragraph") return [{ ...first, children: [prefix, ...first.children] }, ...rest];
  return [paragraph([prefix]), ...children];
}

/** Images are not rendered; their alt text is the content. */
function imageAsText(node: { alt?: string | null }): PhrasingContent[] {
  return node.alt ? [text(node.alt)] : [];
}

// ---------------------------------------------------------------------------------------------
// Articles

function shapeArticlePhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    switch (node.type) {
      case "image":
      case "imageReference":
        return imageAsText(node);
      case "footnoteReference":
        return [text(footnoteLabel(node))];
      case "emphasis":
      case "strong":
      case "delete":
      case "link":
      case "linkReference":
        return [{ ...node, children: shapeArticlePhrasing(node.children) } as PhrasingContent];
      default:
        return [node];
    }
  });
}

function shapeArticleBlocks(nodes: Block[]): Block[] {
  return nodes.flatMap((node): Block[] => {
    switch (node.type) {
      case "heading":
        return [
          { ...node, depth: shiftHeadingDepth(node.depth), children: shapeArticlePhrasing(node.children) },
        ];
      case "paragraph":
        return [{ ...node, children: shapeArticlePhrasing(node.children) }];
      case "blockquote":
        return [{ ...node, children: shapeArticleBlocks(node.children) }];
      case "list":
        return [{ ...node, children: node.children.map((item) => shapeListItem(item, shapeArticleBlocks)) }];
      case "table":
        return [
          {
            ...node,
            children: node.children.map((row) => ({
              ...row,
              children: row.children.map((cell) => ({
                ...cell,
                children: shapeArticlePhrasing(cell.children),
              })),
            })),
          },
        ];
      case "footnoteDefinition":
        return literalFootnoteDefinition(node, shapeArticleBlocks(node.children));
      default:
        return [node];
    }
  });
}

/** Task-list checkboxes would become `<input>`s; keep what the author typed instead. */
function shapeListItem(item: ListItem, shapeBlocks: (nodes: Block[]) => Block[]): ListItem {
  const children = shapeBlocks(item.children);
  if (typeof item.checked !== "boolean") return { ...item, children };
  const marker = text(item.checked ? "[x] " : "[ ] ");
  const [first, ...rest] = children;
  return {
    ...item,
    checked: null,
    children:
      first?.type === "paragraph"
        ? [{ ...first, children: [marker, ...first.children] }, ...rest]
        : [paragraph([marker]), ...children],
  };
}

/** Article shape: shifted headings, no images, literal footnotes and task markers. */
export function remarkArticleShape() {
  return (tree: Root): void => {
    tree.children = shapeArticleBlocks(tree.children as Block[]);
  };
}

// ---------------------------------------------------------------------------------------------
// Insights

function plainValue(node: Nodes): string {
  if ("value" in node) return node.value;
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  if ("children" in node) return (node.children as Nodes[]).map(plainValue).join("");
  return "";
}

function insightPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    switch (node.type) {
      case "text":
      case "break":
        return [node];
      case "emphasis":
      case "strong":
      case "link":
      case "linkReference":
        return [{ ...node, children: insightPhrasing(node.children) } as PhrasingContent];
      case "delete":
        return insightPhrasing(node.children);
      case "inlineCode":
      case "html":
        return [text(node.value)];
      case "image":
      case "imageReference":
        return imageAsText(node);
      case "footnoteReference":
        return [text(footnoteLabel(node))];
      default: {
        // Anything a future syntax extension adds: keep its words, never its element.
        const value = plainValue(node);
        return value ? [text(value)] : [];
      }
    }
  });
}

function insightBlocks(nodes: Block[]): Block[] {
  return nodes.flatMap((node): Block[] => {
    switch (node.type) {
      case "paragraph":
      case "heading":
        return [paragraph(insightPhrasing(node.children))];
      case "list":
        return [{ ...node, children: node.children.map((item) => shapeListItem(item, insightBlocks)) }];
      case "blockquote":
        return insightBlocks(node.children);
      case "code":
      case "html":
        // Newlines inside become <br> through remark-breaks.
        return node.value.trim() ? [paragraph([text(node.value)])] : [];
      case "table":
        return node.children.map((row) =>
          paragraph(
            row.children.flatMap((cell, index) => [
              ...(index > 0 ? [text(" | ")] : []),
              ...insightPhrasing(cell.children),
            ]),
          ),
        );
      case "footnoteDefinition":
        return literalFootnoteDefinition(node, insightBlocks(node.children));
      case "definition":
        // Needed to resolve `[text][ref]` links; renders nothing itself.
        return [node];
      case "thematicBreak":
        return [];
      default: {
        const value = plainValue(node);
        return value.trim() ? [paragraph([text(value)])] : [];
      }
    }
  });
}

/**
 * Insight subset: paragraphs, breaks, strong, emphasis, lists and links. Everything else is
 * rewritten to those (headings and code become paragraphs, tables one paragraph per row,
 * blockquotes are unwrapped, images become their alt text, raw HTML becomes literal text).
 */
export function remarkInsightSubset() {
  return (tree: Root): void => {
    tree.children = insightBlocks(tree.children as Block[]) as RootContent[];
  };
}
