// The calendar and Atom feeds as pollers see them, through the route handlers against real
// PostgreSQL: RFC 5545's line ends, RFC 9110's validators (weak ETags, "*", If-Modified-Since),
// a private ETag on the personal feed, UIDs from the configured public URL, and an empty Atom
// feed dated by its course.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ical, { type VEvent } from "node-ical";
import { seedDatabase } from "@/lib/server/platform/seed";
import { invalidateCourse } from "@/lib/server/platform/cache";
import { noneMatch, notModifiedSince } from "@/lib/server/platform/feed-response";
import { createTestDatabase, type TestDatabase } from "./support/database";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "forged.example" }) }));

const PUBLIC_URL = "https://courses.brown.example";
let t: TestDatabase;
let calendarRoute: typeof import("@/app/courses/[slug]/calendar.ics/route");
let atomRoute: typeof import("@/app/courses/[slug]/announcements/feed.xml/route");
let personalRoute: typeof import("@/app/feeds/[token]/route");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_URL = PUBLIC_URL;
  process.env.LECTERN_CACHE_NAMESPACE = `feeds-test-${t.name}`; // our own keys, even on a shared Redis
  (globalThis as { lecternDb?: unknown }).lecternDb = undefined;
  calendarRoute = await import("@/app/courses/[slug]/calendar.ics/route");
  atomRoute = await import("@/app/courses/[slug]/announcements/feed.xml/route");
  personalRoute = await import("@/app/feeds/[token]/route");
});
afterAll(async () => {
  await t?.drop();
});

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });
const calendar = (headers?: Record<string, string>) =>
  calendarRoute.GET(get("/courses/csc490/calendar.ics", headers), { params: Promise.resolve({ slug: "csc490" }) });
const atom = (slug: string, headers?: Record<string, string>) =>
  atomRoute.GET(get(`/courses/${slug}/announcements/feed.xml`, headers), { params: Promise.resolve({ slug }) });
const personal = (token: string, headers?: Record<string, string>) =>
  personalRoute.GET(get(`/feeds/${token}.ics`, headers), { params: Promise.resolve({ token: `${token}.ics` }) });

describe("iCalendar text (RFC 5545)", () => {
  it("ends with CRLF after END:VCALENDAR, like every other content line", async () => {
    const text = await (await calendar()).text();
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.endsWith("\r\n\r\n")).toBe(false);
    expect(text.split("\r\n").at(-1)).toBe("");
  });

  it("takes UIDs from the configured public URL's domain, not '@lectern' and not a forged Host", async () => {
    const text = await (await calendar()).text();
    const uids = Object.values(ical.sync.parseICS(text))
      .filter((c): c is VEvent => c?.type === "VEVENT")
      .map((e) => e.uid);
    expect(uids.length).toBeGreaterThan(10);
    expect(uids.every((u) => u.endsWith("@courses.brown.example"))).toBe(true);
    expect(uids).toContain("csc490-deadline-a3@courses.brown.example");
    expect(text).not.toContain("@lectern\r\n");
    expect(text).not.toContain("forged.example");
  });
});

describe("conditional GET (RFC 9110)", () => {
  it("matches If-None-Match weakly, with W/ or without, in a list, and '*'; a different tag gets the body", async () => {
    const first = await calendar();
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    const strong = etag.slice(2);
    for (const header of [etag, strong, `"nope", ${etag}`, `W/"nope" , ${strong}`, "*"]) {
      const again = await calendar({ "If-None-Match": header });
      expect([header, again.status]).toEqual([header, 304]);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toBe("public, max-age=300");
      expect(await again.text()).toBe("");
    }
    expect((await calendar({ "If-None-Match": '"nope"' })).status).toBe(200);
    expect((await calendar({ "If-None-Match": 'W/"nope"' })).status).toBe(200);
    // The comparison itself, by RFC 9110 §13.1.2's weak rule.
    expect(noneMatch('W/"1"', '"1"')).toBe(true);
    expect(noneMatch('"1"', 'W/"1"')).toBe(true);
    expect(noneMatch('"1", "2"', 'W/"2"')).toBe(true);
    expect(noneMatch('"12"', 'W/"1"')).toBe(false);
  });

  it("answers If-Modified-Since from Last-Modified, unless If-None-Match is there; a change moves Last-Modified", async () => {
    const first = await atom("csci1390");
    const lastModified = first.headers.get("last-modified")!;
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect((await atom("csci1390", { "If-Modified-Since": lastModified })).status).toBe(304);
    const later = new Date(Date.parse(lastModified) + 3_600_000).toUTCString();
    expect((await atom("csci1390", { "If-Modified-Since": later })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await atom("csci1390", { "If-Modified-Since": earlier })).status).toBe(200);
    expect((await atom("csci1390", { "If-Modified-Since": "yesterday-ish" })).status).toBe(200);
    // If-None-Match wins: a stale tag gets the body even with a current date (§13.2.2).
    expect((await atom("csci1390", { "If-None-Match": '"old"', "If-Modified-Since": lastModified })).status).toBe(200);

    // An edit (even within the same second) gives a newer Last-Modified: the old date no longer answers 304.
    const course = await t.db.course.findUniqueOrThrow({ where: { slug: "csci1390" } });
    await t.db.announcement.updateMany({ where: { courseId: course.id }, data: { title: "The class is full" } });
    await invalidateCourse(course.id);
    const changed = await atom("csci1390", { "If-Modified-Since": lastModified });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain("<title>The class is full</title>");
    expect(Date.parse(changed.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(lastModified));
    expect(notModifiedSince(lastModified, new Date(Date.parse(lastModified) + 999))).toBe(true); // same second
  });
});

describe("the personal feed", () => {
  async function tokenOf(email: string) {
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    const course = await t.db.course.findUniqueOrThrow({ where: { slug: "csci1390" } });
    const token = `tok${user.id}`.padEnd(32, "x").slice(0, 40);
    await t.db.membership.update({
      where: { courseId_userId: { courseId: course.id, userId: user.id } },
      data: { feedToken: token },
    });
    return token;
  }

  it("has a private ETag, so a polling calendar app gets 304; a new secret URL gets a new tag", async () => {
    const token = await tokenOf("student1@csci1390.demo");
    const first = await personal(token);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.headers.get("x-robots-tag")).toBe("noindex");
    const etag = first.headers.get("etag")!;
    const body = await first.text();
    expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);

    const poll = await personal(token, { "If-None-Match": etag });
    expect(poll.status).toBe(304);
    expect(poll.headers.get("cache-control")).toBe("private, no-cache");
    expect(poll.headers.get("x-robots-tag")).toBe("noindex");
    expect((await personal(token, { "If-Modified-Since": first.headers.get("last-modified")! })).status).toBe(304);

    // The same body behind another secret: the tag differs, so it tells no one the two feeds are equal.
    const course = await t.db.course.findUniqueOrThrow({ where: { slug: "csci1390" } });
    const next = `${token.slice(0, -4)}next`;
    await t.db.membership.updateMany({ where: { courseId: course.id, feedToken: token }, data: { feedToken: next } });
    const moved = await personal(next);
    expect(await moved.text()).toBe(body);
    expect(moved.headers.get("etag")).not.toBe(etag);
    expect((await personal(next, { "If-None-Match": etag })).status).toBe(200);
  });
});

describe("Atom feeds", () => {
  it("an empty feed is dated by the course's creation, not 1970", async () => {
    const created = new Date("2025-08-15T13:00:00.000Z");
    await t.db.course.create({
      data: {
        slug: "empty-feed",
        code: "EMPTY 1",
        title: "No announcements yet",
        term: "Fall 2025",
        institution: "Test U",
        timeZone: "America/New_York",
        createdAt: created,
      },
    });
    const xml = await (await atom("empty-feed")).text();
    expect(xml).toContain(`<updated>${created.toISOString()}</updated>`);
    expect(xml).not.toContain("1970");
    expect(xml).not.toContain("<entry>");
  });
});
