import { mkdirSync } from "node:fs";
import Papa from "papaparse";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";

// Toronto's CSC 490 runs on Quercus (Canvas). A TA imports a Canvas gradebook export: one column
// and one student need the mapping step; the next import of the same file asks nothing.
const slug = "csc490";
const shots = process.env.SCREENSHOT_DIR ?? "test-results/screens";

async function shoot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A Canvas-layout export of five CSC 490 students, built from Lectern's own export of the course. */
async function canvasFile(page: Page): Promise<{ csv: string; mapped: { email: string }; renamed: string }> {
  const response = await page.request.get(`/api/courses/${slug}/gradebook/export`);
  expect(response.ok()).toBe(true);
  const [header, points, ...rows] = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, "").trim()).data;
  const a1 = header!.indexOf("Assignment 1");
  const a2 = header!.indexOf("Assignment 2");
  expect(a1).toBeGreaterThan(0);
  const renamed = "Assignment 2: Docker & Kubernetes (61002)"; // renamed in Canvas: the title no longer matches
  const score = (col: number, k: number) => (Number(points![col]) * (0.7 + 0.05 * k)).toFixed(2);
  const students = rows.slice(0, 5);
  const canvas = [
    [
      "Student",
      "ID",
      "SIS User ID",
      "SIS Login ID",
      "Section",
      "Assignment 1 (61001)",
      renamed,
      "Roll Call Attendance (61099)",
      "Current Score",
      "Final Score",
    ],
    ["", "", "", "", "", "Manual Posting", "", "", "", ""],
    ["    Points Possible", "", "", "", "", points![a1]!, points![a2]!, "100.00", "(read only)", "(read only)"],
    ...students.map((r, k) => [
      k === 4 ? "Quercus, Preferred Name" : r[0]!,
      String(80001 + k),
      `100${k}2345`,
      k === 4 ? "pref.name" : r[3]!, // a username Lectern does not know
      r[4]!,
      score(a1, k),
      score(a2, k),
      "100.00",
      "88.00",
      "88.00",
    ]),
    ["Student, Test", "80099", "", "8d2f0c", "CSC490H1-F-LEC5101", "", "", "", "", ""],
  ];
  return { csv: Papa.unparse(canvas, { newline: "\r\n" }), mapped: { email: students[4]![3]! }, renamed };
}

async function upload(page: Page, csv: string) {
  await page
    .getByLabel("Grades CSV file")
    .setInputFiles({ name: "quercus-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByRole("heading", { name: "Preview of quercus-export.csv" })).toBeVisible();
}

test("a Canvas export: the mapping step for an unknown column and student, remembered for the next import", async ({
  page,
}) => {
  await signIn(page, `ta@${slug}.demo`);
  const { csv, mapped, renamed } = await canvasFile(page);
  await page.goto(`/courses/${slug}/gradebook/import`);
  await upload(page, csv);

  // What matched and what waits: Assignment 1 by title, four students by email; the rest needs a choice.
  const mapping = page.getByRole("region", { name: "Match what the file names" });
  await expect(mapping).toBeVisible();
  await expect(page.getByText("“Assignment 1 (61001)” → A1 (by title)")).toBeVisible();
  await expect(page.getByText("4 students matched: 4 by email.")).toBeVisible();
  await expect(
    page.getByText("Line 9 (Student, Test): Canvas's Test Student (Student View), not a real student"),
  ).toBeVisible();
  await expect(page.getByText(/Canvas's Manual Posting row/)).toBeVisible();
  await expect(page.getByText(/“Current Score”: a totals column/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, "grade-import-mapping");

  // Map the renamed column to A2, ignore Roll Call, and say who "pref.name" is.
  const a2 = mapping.getByLabel(`Read the column ${renamed} as`);
  await a2.selectOption({ label: (await a2.locator("option", { hasText: "Assignment 2" }).first().textContent())! });
  await mapping.getByLabel("Read the column Roll Call Attendance (61099) as").selectOption("ignore");
  const member = await page
    .locator("datalist option")
    .evaluateAll(
      (options, email) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v.includes(`(${email})`)),
      mapped.email,
    );
  await mapping.getByLabel(/Line 8, Quercus, Preferred Name: this is/).fill(member!);
  await expect(page.getByText("Your choices change what is imported")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import \d+ grades?$/ })).toBeDisabled();
  await page.getByRole("button", { name: "Check again with these choices" }).click();

  await expect(page.getByText("5 students matched: 4 by email, 1 by your choice.")).toBeVisible();
  await expect(page.getByText(/“Assignment 2: Docker & Kubernetes \(61002\)” → A2 \(by your choice\)/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Remembered for this course when you import" })).toContainText(
    "A2 is Canvas assignment 61002",
  );
  await shoot(page, "grade-import-mapped");
  const importButton = page.getByRole("button", { name: /^Import \d+ grades?$/ });
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: /Imported: \d+ new and \d+ changed grades; \d+ Canvas links remembered/ }),
  ).toBeVisible();

  // The same file again: every student by Canvas ID, no choices to make, and the ignored columns say why.
  await upload(page, csv);
  await expect(page.getByRole("region", { name: "Match what the file names" })).toHaveCount(1); // Roll Call stays listed, ignored
  await expect(page.getByText("5 students matched: 5 by Canvas ID.")).toBeVisible();
  await expect(
    page.getByText("“Roll Call Attendance (61099)”: ignored for this course (an earlier choice)"),
  ).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: /^No grade changes among what matched; left out:/ }),
  ).toBeVisible();
  await expect(page.getByText(/Nothing to import/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Check again with these choices" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shoot(page, "grade-import-again");
});
