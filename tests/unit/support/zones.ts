// Zones the property tests draw from: the seed courses' zones, plus ones with odd rules
// (a half-hour offset, and Lord Howe's 30-minute daylight-saving shift).
export const ZONES = [
  "America/New_York",
  "America/Toronto",
  "Europe/Brussels",
  "Asia/Singapore",
  "Europe/London",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
] as const;
