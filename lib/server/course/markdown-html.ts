import "server-only";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import { toHtml } from "hast-util-to-html";

// Markdown → sanitized HTML text for feeds (where React cannot render). The same
// plugins as components/ui/markdown.tsx, so a feed never carries more than the page;
// hast-util-to-html writes the sanitized tree (escaping text and attributes, void elements).

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize);

export function markdownToHtml(source: string): string {
  return toHtml(processor.runSync(processor.parse(source)));
}
