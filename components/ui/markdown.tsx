import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

// A table wider than a phone scrolls inside its own box (keyboard-reachable, so axe's
// scrollable-region-focusable holds) instead of widening the page.
const components: Components = {
  table: ({ node: _node, ...props }) => (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must take focus to be scrolled by keyboard
    <div tabIndex={0} className="my-3 max-w-full overflow-x-auto">
      <table
        {...props}
        className="min-w-max border-collapse text-sm [&_td]:border [&_td]:border-slate-300 [&_td]:px-3 [&_td]:py-1.5 [&_th]:border [&_th]:border-slate-300 [&_th]:bg-slate-100 [&_th]:px-3 [&_th]:py-1.5 [&_th]:text-left [&_th]:font-semibold dark:[&_td]:border-slate-700 dark:[&_th]:border-slate-700 dark:[&_th]:bg-slate-800"
      />
    </div>
  ),
};

/**
 * Course markdown (announcements, course descriptions): GitHub-flavoured, sanitized (no raw HTML,
 * no script URLs), tables styled.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="prose-sm max-w-none space-y-2 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
