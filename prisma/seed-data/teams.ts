/**
 * Demo teams for the courses whose pages describe group work (issue 16).
 * No page names the teams or their members, so every membership is assumed:
 * students are put into teams in roster order.
 */
import type { LocalDateTime } from "./types";

export type TeamSetSeed = {
  name: string;
  minSize: number;
  maxSize: number | null;
  /** Students from this course track only (NUS: the "Project" elective); null = every enrolled student. */
  track: string | null;
  /** Team size the demo fills teams to, in roster order; the last team takes the rest. */
  demoTeamSize: number;
  teamName: (n: number) => string;
  selfFormation: boolean;
  formationLocks: LocalDateTime | null;
  latenessPolicy: "CHARGE_EACH" | "SHARED_BUDGET" | "NO_LATE";
  duePolicy: "LATEST_OF_MEMBERS" | "TEAM_ONLY";
  /** Assignment codes handed in by the team. */
  assignments: string[];
};

export const teamSeeds: Record<string, TeamSetSeed> = {
  // "course project for groups of 2-3 students" (elective track "Project").
  "nus-lgm": {
    name: "Project groups",
    minSize: 2,
    maxSize: 3,
    track: "Project",
    demoTeamSize: 3, // assumed: groups of three, the last of two when the track does not divide by three
    teamName: (n) => `Group ${n}`,
    selfFormation: true, // assumed: students form their own groups, until the proposal is due
    formationLocks: { date: "2024-09-21", time: "23:59" },
    latenessPolicy: "CHARGE_EACH", // assumed: the page states no late policy (lateness is only flagged)
    duePolicy: "LATEST_OF_MEMBERS", // assumed
    assignments: ["PROPOSAL", "MIDTERM", "PRESENTATION", "FINAL"],
  },
  // "You will apply the theoretical and technical learnings in one large group project."
  info9023: {
    name: "Project groups",
    minSize: 3, // assumed: the README gives no group size
    maxSize: 4, // assumed
    track: null,
    demoTeamSize: 4, // assumed: groups of four, as the demo's project files are named (group-N-final.zip)
    teamName: (n) => `Group ${n}`,
    selfFormation: false, // assumed: staff make the groups
    formationLocks: null,
    latenessPolicy: "CHARGE_EACH", // assumed
    duePolicy: "LATEST_OF_MEMBERS", // assumed
    assignments: ["PROJECT"],
  },
  // "The class will culminate in a final presentation on a research or product based project."
  csc490: {
    name: "Project teams",
    minSize: 2, // assumed: the page gives no team size
    maxSize: 4, // assumed
    track: null,
    demoTeamSize: 4, // assumed
    teamName: (n) => `Team ${n}`,
    selfFormation: true, // assumed
    formationLocks: { date: "2025-11-04", time: "23:59" }, // assumed: a week after the project is released
    latenessPolicy: "CHARGE_EACH", // assumed
    duePolicy: "LATEST_OF_MEMBERS", // assumed
    assignments: ["PROJECT"],
  },
};
