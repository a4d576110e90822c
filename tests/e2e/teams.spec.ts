// Team projects end to end on NUS's elective ("a course project for groups of 2-3 students").
// The demo term is over, so this file starts its own server pair (scripts/e2e-server.ts, a fresh
// seeded database) with the server clock at Sun Sep 22, 2024, 09:30 SGT (01:30Z). The project
// proposal was due Sat Sep 21, 11:59 PM SGT, so a hand-in now is 9 h 31 min late: 10 late hours
// (NUS flags late work; its page states no penalty, so nothing is deducted from anyone).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";
import { startFakeClockServer } from "./support/fake-clock-server";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
const BASE = `http://127.0.0.1:${PORT}`;
const FAKE_NOW = "2024-09-22T01:30:00.000Z";
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

test("a member hands in the proposal late for the team; every member sees the hand-in and its 10 late hours", async ({
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
  await expect(form).toContainText("10 hours late");
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
    await expect(handIns.getByRole("listitem").first()).toContainText("10 h late");
    // Their own deadlines read the team's hand-in as theirs, flagged late.
    await p.goto(`/courses/${slug}/me`);
    const item = p.getByRole("listitem").filter({ has: p.getByRole("heading", { name: /^Project proposal/ }) });
    await expect(item).toContainText("Submitted");
    await expect(item).toContainText("· 10 h late");
    await p.context().close();
  }
});

test("the TA grades Group 8 once and overrides one member; the gradebook has each member's grade", async ({
  browser,
}) => {
  const page = await as(browser, `ta@${slug}.demo`);
  await page.goto(`/courses/${slug}/teams`);
  const group8 = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Group 8", level: 3 }) });
  await expect(group8).toContainText(`${members[0]!.name} handed in link at`);
  await expect(group8).toContainText("10 h late");
  await group8.getByText("Grade PROPOSAL for Group 8").click();
  const form = group8.getByRole("form", { name: "Grade PROPOSAL for Group 8" });
  await form.getByLabel("Team score").fill("85");
  await form.getByLabel(members[1]!.name).fill("90");
  await form.getByLabel("Feedback").fill("A clear systems angle; the evaluation plan needs baselines.");
  await form.getByRole("button", { name: "Save team grade" }).click();
  await expect(form.getByRole("status")).toContainText("Saved for the team (3 member grades changed).");
  await expectNoAxeViolations(page);

  await page.goto(`/courses/${slug}/gradebook`);
  const grid = page.getByRole("grid");
  const proposalCol = await page.getByRole("columnheader", { name: /^PROPOSAL\b/ }).getAttribute("aria-colindex");
  for (const [m, score] of [
    [members[0]!, "85"],
    [members[1]!, "90"],
    [members[2]!, "85"],
  ] as const) {
    await page.getByLabel("Search students").fill(m.name);
    const row = grid.getByRole("row", { name: new RegExp(m.name) });
    await expect(row.locator(`[aria-colindex="${proposalCol}"]`)).toContainText(score);
  }
  await page.context().close();
});
