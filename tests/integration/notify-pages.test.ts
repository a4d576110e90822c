// The pages that make email links work, against real PostgreSQL: the local outbox (/dev/outbox)
// shows an instructor their own courses' mail and is gone once SMTP_URL is set; the settings form
// saves what it shows and refuses unknown kinds next to the field; the unsubscribe link's page
// button and the RFC 8058 one-click route turn exactly the token's kind off, with no sign-in.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/server/people/session", () => ({ currentViewer: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { currentViewer } from "@/lib/server/people/session";
import type { Db } from "@/lib/server/platform/db";
import { saveAnnouncement } from "@/lib/server/course/manage/announcements";
import { listLocalOutbox } from "@/lib/server/notify/outbox-view";
import { getNotificationSettings } from "@/lib/server/notify/settings";
import { unsubscribeToken } from "@/lib/server/notify/unsubscribe-token";
import { saveNotificationSettingsAction, unsubscribeAction } from "@/app/settings/notifications/actions";
import { POST as oneClick } from "@/app/api/unsubscribe/[token]/route";
import { announcementSchema } from "@/lib/validation/announcement";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { buildFixture, type Fixture } from "./support/personas";

let t: TestDatabase;
let f: Fixture;
const NOW = new Date("2025-10-20T16:00:00Z");

beforeAll(async () => {
  process.env.LECTERN_CACHE = "off";
  t = await createTestDatabase();
  (globalThis as { lecternDb?: Db }).lecternDb = t.db;
  f = await buildFixture(t.db, "pages");
});
afterAll(async () => {
  await t.drop();
});
afterEach(() => {
  delete process.env.SMTP_URL;
  vi.mocked(currentViewer).mockResolvedValue(null);
});

const post = (announce: { title: string; body: string }, slug: string, viewer: Fixture["viewers"]["instructor"]) =>
  saveAnnouncement({ db: t.db, viewer, slug, input: announcementSchema.parse(announce), now: NOW });

describe("/dev/outbox", () => {
  it("lists the mail of the viewer's own courses, newest first, with the unsubscribe link in the text", async () => {
    await post({ title: "Alpha news", body: "Hello alpha" }, f.alpha.slug, f.viewers.instructor);
    await post({ title: "Beta news", body: "Hello beta" }, f.beta.slug, f.viewers.otherCourseInstructor);
    const alpha = await listLocalOutbox({ db: t.db, viewer: f.viewers.instructor });
    // Alpha's enrolled members: instructor, TA, student, auditor, the TA-elsewhere student.
    expect(alpha).toHaveLength(5);
    expect(new Set(alpha.map((m) => m.subject))).toEqual(new Set(["[ALP 100] Alpha news"]));
    expect(alpha.every((m) => m.status === "PENDING" && m.courseCode === "ALP 100")).toBe(true);
    expect(alpha.every((m) => m.timeZone === "America/Toronto")).toBe(true);
    expect(alpha[0]!.text).toMatch(/Stop emails like this one: http:\/\/lectern\.test\/unsubscribe\/[\w-]+\.[\w-]+/);
    const beta = await listLocalOutbox({ db: t.db, viewer: f.viewers.otherCourseInstructor });
    expect(new Set(beta.map((m) => m.subject))).toEqual(new Set(["[BET 200] Beta news"]));
  });

  it("a TA (of another course) and a student are refused; with SMTP_URL set it is a 404 for everyone", async () => {
    await expect(listLocalOutbox({ db: t.db, viewer: f.viewers.ta })).rejects.toMatchObject({ status: 403 });
    await expect(listLocalOutbox({ db: t.db, viewer: f.viewers.student })).rejects.toMatchObject({ status: 403 });
    await expect(listLocalOutbox({ db: t.db, viewer: null })).rejects.toMatchObject({ status: 401 });
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    await expect(listLocalOutbox({ db: t.db, viewer: f.viewers.instructor })).rejects.toMatchObject({ status: 404 });
  });
});

describe("email settings", () => {
  it("saves the ticked kinds; an unknown kind is a 422 on the field and saves nothing", async () => {
    vi.mocked(currentViewer).mockResolvedValue(f.viewers.student);
    const bad = await saveNotificationSettingsAction(null, { settings: "email", emailOn: ["ANNOUNCEMENT", "SPAM"] });
    expect(bad).toMatchObject({ ok: false, status: 422 });
    expect(bad && !bad.ok && bad.fieldErrors?.emailOn?.[0]).toBe("Not a kind of email Lectern sends");
    expect(await t.db.notificationSetting.findUnique({ where: { userId: f.users.student } })).toBeNull();

    // Without the form's own hidden field, nothing is turned off.
    expect(await saveNotificationSettingsAction(null, { emailOn: [] })).toMatchObject({ ok: false, status: 422 });
    const form = new FormData();
    form.append("settings", "email");
    form.append("emailOn", "ANNOUNCEMENT");
    form.append("emailOn", "EXTENSION_DECISION");
    const saved = await saveNotificationSettingsAction(null, form);
    expect(saved).toEqual({ ok: true, message: "Saved: 3 kinds of email off.", data: undefined });
    const shown = await getNotificationSettings({ db: t.db, viewer: f.viewers.student });
    expect(shown.emailOn).toEqual({
      ANNOUNCEMENT: true,
      COURSE_EXTENSION: false,
      EXTENSION_DECISION: true,
      GRADE_RELEASE: false,
      WAITLIST_PROMOTION: false,
    });
    // Nothing ticked: every kind off.
    expect(await saveNotificationSettingsAction(null, { settings: "email" })).toMatchObject({
      message: "Saved: 5 kinds of email off.",
    });
  });
});

describe("the unsubscribe link", () => {
  it("the page's button turns the token's kind off for the token's person, signed in as someone else or not at all", async () => {
    const token = unsubscribeToken(f.users.ta, "ANNOUNCEMENT");
    vi.mocked(currentViewer).mockResolvedValue(f.viewers.otherCourseStudent);
    const done = await unsubscribeAction(null, { token });
    expect(done).toMatchObject({
      ok: true,
      message: "Done: ta-pages1@test.example gets no more emails about announcements from Lectern.",
    });
    const row = await t.db.notificationSetting.findUniqueOrThrow({ where: { userId: f.users.ta } });
    expect(row.emailOff).toEqual(["ANNOUNCEMENT"]);
    expect(await t.db.notificationSetting.findUnique({ where: { userId: f.users.otherCourseStudent } })).toBeNull();
    expect(await unsubscribeAction(null, { token: `${token}x` })).toMatchObject({ ok: false, status: 404 });
    expect(await unsubscribeAction(null, {})).toMatchObject({ ok: false, status: 422 });
  });

  it("one-click: POST List-Unsubscribe=One-Click turns it off; a forged token is a 404, a bare POST a 422", async () => {
    const token = unsubscribeToken(f.users.auditor, "GRADE_RELEASE");
    const call = (tok: string, body: string) =>
      oneClick(
        new Request(`http://lectern.test/api/unsubscribe/${tok}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
        { params: Promise.resolve({ token: tok }) },
      );
    expect((await call(token, "")).status).toBe(422);
    expect(
      (
        await call(
          token.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
          "List-Unsubscribe=One-Click",
        )
      ).status,
    ).toBe(404);
    expect(await t.db.notificationSetting.findUnique({ where: { userId: f.users.auditor } })).toBeNull();
    const ok = await call(token, "List-Unsubscribe=One-Click");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ unsubscribed: "GRADE_RELEASE" });
    const row = await t.db.notificationSetting.findUniqueOrThrow({ where: { userId: f.users.auditor } });
    expect(row.emailOff).toEqual(["GRADE_RELEASE"]);
  });
});
