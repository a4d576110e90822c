/**
 * An Atom 1.0 feed (RFC 4287) as text. Entry content is HTML the caller has
 * already sanitized; it is carried escaped inside type="html".
 */
export type AtomEntry = {
  /** A URI that never changes for this entry (tag: or the permalink). */
  id: string;
  title: string;
  link: string;
  published: Date;
  updated: Date;
  author: string | null;
  html: string;
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own URL (rel=self) and the page it mirrors (rel=alternate). */
  selfUrl: string;
  pageUrl: string;
  updated: Date;
  entries: AtomEntry[];
};

export function escapeXml(text: string): string {
  // XML 1.0 forbids most control characters outright, escaped or not.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function atomFeed(feed: AtomFeed): string {
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `  <updated>${feed.updated.toISOString()}</updated>`,
    `  <generator>Lectern</generator>`,
  ];
  for (const e of feed.entries) {
    lines.push(
      `  <entry>`,
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      `    <published>${e.published.toISOString()}</published>`,
      `    <updated>${e.updated.toISOString()}</updated>`,
      // Atom requires an author on the feed or on every entry; the course stands in when none is known.
      `    <author><name>${escapeXml(e.author ?? feed.title)}</name></author>`,
      `    <content type="html">${escapeXml(e.html)}</content>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}
