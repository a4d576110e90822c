import { describe, expect, it } from "vitest";
import { markdownToHtml } from "@/lib/server/course/markdown-html";

// Feeds carry announcement markdown as HTML text; it must be what the page shows and nothing more.
describe("markdownToHtml (feeds)", () => {
  it("renders GitHub-flavoured markdown and drops raw HTML", () => {
    expect(markdownToHtml("**bold** and _it_ <script>alert(1)</script>")).toBe(
      "<p><strong>bold</strong> and <em>it</em> alert(1)</p>",
    );
    expect(markdownToHtml("| a | b |\n|---|---|\n| 1 | 2 |")).toContain("<td>1</td>");
    expect(markdownToHtml("line<br>break")).toBe("<p>linebreak</p>");
  });

  it("escapes text and attributes, and keeps no script URL", () => {
    const html = markdownToHtml('[x](https://e.com/?a="b"&c=<d>) a < b & "c" [y](javascript:alert(1))');
    expect(html).toContain('href="https://e.com/?a=%22b%22&#x26;c=%3Cd%3E"');
    expect(html).toContain("a &#x3C; b &#x26;");
    expect(html).not.toContain("javascript:");
    expect(markdownToHtml("![i](https://e.com/i.png)")).toBe('<p><img src="https://e.com/i.png" alt="i"></p>');
  });
});
