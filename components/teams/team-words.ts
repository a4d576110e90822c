// The team set's policies in words. A plain module (not "use client"): the server-rendered Teams and
// My team pages read these values, and a client module's exports reach a server component only as
// references (which rendered as nothing: ". ." where the policy should be).
export const LATENESS_WORDS = {
  CHARGE_EACH: "Every member is charged the team's late hours",
  SHARED_BUDGET: "The team's late hours are paid once, split over the members' budgets",
  NO_LATE: "Team work cannot be handed in late",
} as const;
export const DUE_WORDS = {
  LATEST_OF_MEMBERS:
    "The team's deadline is the latest of its own and its members' (a member's extension extends the team)",
  TEAM_ONLY: "The team's own deadline; a member's personal extension does not move it",
} as const;
