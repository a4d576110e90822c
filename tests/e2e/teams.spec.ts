// Team projects end to end on NUS's elective ("a course project for groups of 2-3 students").
// The demo term is over, so this file starts its own server pair (scripts/e2e-server.ts, a fresh
// seeded database) with the server clock at Sat Sep 28, 2024, 09:30 SGT (01:30Z), after every demo
// hand-in of the proposal. The proposal was due Sat Sep 21, 11:59 PM SGT, so a hand-in now is
// 6 days 9 h 31 min late: 6 × 24 + 10 = 154 late hours (NUS flags late work; its page states no
// penalty, so nothing is deducted from anyone's budget).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";
import { startFakeClockServer } from "./support/fake-clock-server";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
const BASE = `http://127.0.0.1:${PORT}`;
const FAKE_NOW = "2024-09-28T01:30:00.000Z";
const slug = "nus-lgm";

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ baseURL: BASE });

startFakeClockServer({ name: "teams", port: PORT, fakeNow: FAKE_NOW });

// Three Project-track students of the demo, each in another demo group; the import puts them in Group 8.
const members = [
  { email: `student33@${slug}.demo`, name: "Thabo Eriksson", from: "Group 7" },
  { email: `student35@${slug}.demo`, name: "Hana Abara", from: "Group 7" },
  { email: `student32@${slug}.demo`, name: "Sofia Baptiste", from: "Group 6" },
];

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("the instructor imports NUS's groups from CSV: a preview with line errors imports nothing, then the fixed file", async ({
  browser,
}) => {
  const page = await as(browser, `instructor@${slug}.demo`);
  await page.goto(`/courses/${slug}/teams`);
  await expect(page.getByRole("heading", { name: "Teams", level: 1 })).toBeVisible();
  // The set's policies are stated in words (they once rendered as ". .").
  await expect(page.getByText("Every member is charged the team's late hours.")).toBeVisible();
  await page.getByText("Settings, import and new teams").click();

  const csvField = page.getByRole("form", { name: "Preview team import" }).getByLabel("or paste it");
  // Line 5 names someone not in the course; line 6 would make Group 1 a team of four.
  await csvField.fill(
    [
      "team,email",
      ...members.map((m) => `Group 8,${m.email}`),
      "Group 8,nobody@example.org",
      `Group 1,student5@${slug}.demo`,
    ].join("\n"),
  );
  await page.getByRole("button", { name: "Preview import" }).click();
  const errors = page.getByRole("alert").filter({ hasText: "Nothing will be imported" });
  await expect(errors).toContainText("Line 5: nobody@example.org is not an enrolled student of this course");
  await expect(errors).toContainText("Line 6: Group 1 would have 4 members; teams in Project groups have at most 3");
  await expect(page.getByRole("button", { name: /^Import \d+ students/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await csvField.fill(["team,email", ...members.map((m) => `Group 8,${m.email}`)].join("\n"));
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("3 students; new teams: Group 8.")).toBeVisible();
  const plan = page.getByRole("table", { name: "What the import does, line by line" });
  for (const m of members)
    await expect(plan.getByRole("row").filter({ hasText: m.name })).toContainText(`moves from ${m.from}`);
  await page.getByRole("button", { name: "Import 3 students" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText(
    "Imported: 3 students placed, 1 new teams.",
  );

  await page.reload();
  const group8 = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Group 8", level: 3 }) });
  const roster = group8.getByRole("table", { name: "Members of Group 8" });
  for (const m of members) await expect(roster.getByRole("link", { name: m.name })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.context().close();
});

test("a member hands in the proposal late for the team; every member sees the hand-in and its 154 late hours", async ({
  browser,
}) => {
  const [submitter, ...others] = members;
  const page = await as(browser, submitter!.email);
  await page.goto(`/courses/${slug}/my-team`);
  await expect(page.getByRole("heading", { name: "Group 8", level: 3 })).toBeVisible();
  const proposal = page.getByRole("article", { name: "PROPOSAL · Project proposal" });
  await expect(proposal).toContainText("Nobody has handed it in yet.");
  const form = proposal.getByRole("form", { name: "Submit PROPOSAL" });
  // Before anyone submits: what it means for the team.
  await expect(form).toContainText("154 hours late");
  await expectNoAxeViolations(page);
  await form.getByLabel("Link to your work").fill("https://github.com/group8/lgm-proposal");
  await form.getByRole("button", { name: "Submit PROPOSAL" }).click();
  await expect(form.getByRole("status")).toContainText("Submitted PROPOSAL for Group 8");
  await page.context().close();

  for (const m of others) {
    const p = await as(browser, m.email);
    await p.goto(`/courses/${slug}/my-team`);
    const handIns = p.getByRole("list", { name: "Hand-ins of PROPOSAL" });
    await expect(handIns.getByRole("listitem").first()).toContainText(`${submitter!.name} handed in link at`);
    await expect(handIns.getByRole("listitem").first()).toContainText("154 h late");
    // Their own deadlines read the team's hand-in as theirs, flagged late.
    await p.goto(`/courses/${slug}/me`);
    const item = p.getByRole("listitem").filter({ has: p.getByRole("heading", { name: /^Project proposal/ }) });
    await expect(item).toContainText("Submitted");
    await expect(item).toContainText("· 154 h late");
    await p.context().close();
  }
});

test("the TA grades Group 8 once in the gradebook and overrides one member; the Teams page agrees", async ({
  browser,
}) => {
  const page = await as(browser, `ta@${slug}.demo`);
  await page.goto(`/courses/${slug}/teams`);
  const group8 = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Group 8", level: 3 }) });
  await expect(group8).toContainText(`${members[0]!.name} handed in link at`);
  await expect(group8).toContainText("154 h late");

  await page.goto(`/courses/${slug}/gradebook`);
  const grid = page.getByRole("grid");
  await expect(page.getByRole("columnheader", { name: /^PROPOSAL\b/ })).toContainText("team work");
  const col = await page.getByRole("columnheader", { name: /^PROPOSAL\b/ }).getAttribute("aria-colindex");
  const cell = (name: string) => grid.getByRole("row", { name: new RegExp(name) }).locator(`[aria-colindex="${col}"]`);
  // The team's name is beside each member and can be searched for.
  await page.getByLabel("Search students").fill("Group 8");
  await expect(grid.getByRole("row")).toHaveCount(4);
  await page.getByLabel(/^Grade teams/).check();
  await expectNoAxeViolations(page);

  // Once for the team, with the keyboard as for any cell: type, Enter.
  await cell(members[0]!.name).click();
  await page.keyboard.type("85", { delay: 30 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved PROPOSAL for Group 8" })).toContainText(
    "Saved PROPOSAL for Group 8: 85 for every member without their own score",
  );
  for (const m of members) await expect(cell(m.name)).toContainText("85");

  // One member's own score: the rest of the team keeps the team's.
  await page.getByLabel(/^Grade teams/).uncheck();
  await cell(members[1]!.name).click();
  await page.keyboard.type("90", { delay: 30 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Saved PROPOSAL for ${members[1]!.name}` })).toContainText(
    `Saved PROPOSAL for ${members[1]!.name}: 90 (their own, not Group 8's)`,
  );

  await page.reload();
  await page.getByLabel("Search students").fill("Group 8");
  await expect(cell(members[0]!.name)).toContainText("85");
  await expect(cell(members[1]!.name)).toContainText("90");
  await expect(cell(members[2]!.name)).toContainText("85");

  // The Teams page reads the same team grade and override.
  await page.goto(`/courses/${slug}/teams`);
  const team = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Group 8", level: 3 }) });
  await expect(team).toContainText("Team grade: 85 (1 override)");
  await team.getByText("Grade PROPOSAL for Group 8").click();
  const form = team.getByRole("form", { name: "Grade PROPOSAL for Group 8" });
  await expect(form.getByLabel("Team score")).toHaveValue("85");
  await expect(form.getByLabel(members[1]!.name)).toHaveValue("90");
  await expect(form.getByLabel(members[0]!.name)).toHaveValue("");
  await page.context().close();
});
