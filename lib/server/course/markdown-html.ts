import "server-only";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import { find, html as htmlSchema } from "property-information";
import type { Element, Nodes, Root } from "hast";

// Markdown → sanitized HTML text for feeds (where React cannot render). The same
// plugins as components/ui/markdown.tsx, so a feed never carries more than the page.

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize);

const VOID = new Set([
  "br",
  "hr",
  "img",
  "input",
  "wbr",
  "col",
  "area",
  "source",
  "track",
  "meta",
  "link",
  "base",
  "embed",
  "param",
]);

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function attributes(node: Element): string {
  let out = "";
  for (const [prop, value] of Object.entries(node.properties ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(htmlSchema, prop);
    const text = Array.isArray(value)
      ? value.join(info.commaSeparated ? ", " : " ")
      : value === true
        ? ""
        : String(value);
    out += value === true ? ` ${info.attribute}` : ` ${info.attribute}="${escapeHtml(text)}"`;
  }
  return out;
}

function serialize(node: Nodes): string {
  switch (node.type) {
    case "root":
      return node.children.map(serialize).join("");
    case "element": {
      const open = `<${node.tagName}${attributes(node)}>`;
      if (VOID.has(node.tagName)) return open;
      return `${open}${node.children.map(serialize).join("")}</${node.tagName}>`;
    }
    case "text":
      return escapeHtml(node.value);
    default:
      // Comments, doctypes and raw nodes never survive sanitizing; drop them if they do.
      return "";
  }
}

export function markdownToHtml(source: string): string {
  const tree = processor.runSync(processor.parse(source)) as Root;
  return serialize(tree);
}
