// Hostile input for the fuzz test: wrong types, huge and odd strings, impossible
// dates and numbers, markup, ids from other courses, files that must be refused.
// Nothing here may be a *valid* request for a student: no well-formed http(s) link
// under 2,000 characters and no acceptable file, so a fuzzed submission never lands.
import fc from "fast-check";

export const HUGE_ASCII = "x".repeat(100_000);
// ~100 KB of emoji, right-to-left text, NUL and combining marks.
export const HUGE_UNICODE = "👩🏽‍💻\u202Eשלום\u0000é\u0301🏳️‍🌈".repeat(5_000);

// A YAML alias bomb ("billion laughs") for the course-file import.
const YAML_BOMB = [
  "a: &a [x, x, x, x, x, x, x, x, x]",
  ...Array.from(
    { length: 8 },
    (_, i) =>
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(", ")}]`,
  ),
].join("\n");

export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\uFEFF",
  "\u200B",
  "\uD800",
  "\uDFFF",
  "\u202Egnp.exe",
  "שלום עולם",
  "مرحبا بالعالم",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
  "١٢٣",
  "９９",
  "٣.٥",
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=1">',
  "javascript:window.__pwned=1",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "[x](javascript:alert(1))",
  "<svg onload=alert(1)>",
  "' OR '1'='1",
  '\'; DROP TABLE "User"; --',
  "\\",
  "../../../etc/passwd",
  "%00",
  "%2e%2e%2f",
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "null",
  "undefined",
  "true",
  "[object Object]",
  "{}",
  "[]",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "-0",
  "0",
  "1e309",
  "-1e309",
  "0x1F",
  "1,5",
  "1_000",
  "  42  ",
  "9".repeat(400),
  "2025-02-30",
  "9999-99-99",
  "0000-00-00",
  "2025-13-01",
  "2025-00-10",
  "2025-1-1",
  "2025-02-29",
  "+275760-09-14",
  "-002025-01-01",
  "2025-03-09T02:30",
  "2025-10-32T25:61:61Z",
  "24:00",
  "23:60",
  "99:99",
  "25:00",
  "12:00 PM",
  "noon",
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)",
  'a,b,c\n"unterminated',
  "email,hours\n\u0000,\u0000",
  "\n".repeat(10_000),
  YAML_BOMB,
  "lectern: 1\ncourse: !!js/function 'return 1'",
  "lectern: 2\n",
  "--- !<tag:yaml.org,2002:python/object> {}",
  "release",
  "unrelease",
  "link",
  "file",
  "give_back",
  "charge",
  "preview",
  "apply",
  "INSTRUCTOR",
  "STUDENT",
  "TA",
  "http://",
  "https://",
  "https://" + "a".repeat(3_000) + ".com",
  "ftp://example.com/x",
  "//evil.example/x",
  "mailto:x@y",
  HUGE_ASCII,
  HUGE_UNICODE,
];

export const HOSTILE_NUMBERS: readonly number[] = [
  -1,
  -0,
  0,
  0.5,
  -0.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 53 + 1,
  -(2 ** 31),
  2 ** 31,
  1e-7,
  100_001,
  1e21,
];

/** Files the submission rules refuse: empty, wrong or spoofed extension, a name too long, markup in the name. */
export function hostileFiles(): (File | Blob)[] {
  return [
    new File([], "empty.pdf"),
    new File(["MZ"], "<img src=x onerror=window.__pwned=1>.exe"),
    new File(["x"], "report.pdf\u0000.exe"),
    new File(["x"], "\u202Efdp.exe"),
    new File(["x"], `${"a".repeat(300)}.pdf`),
    new File(["x"], "no-extension"),
    new File(["x"], ""),
    new File(["x"], "../../etc/passwd"),
    new Blob(["not a file"]),
  ];
}

/** Keys the forms and JSON bodies use, so fuzzed values reach the validators and not only "unknown key". */
export const FIELD_KEYS: readonly string[] = (
  "courseSlug assignmentId studentId studentIds extensionId entryId announcementId membershipId categoryId trackId speakerIds " +
  "method url file title body publishAt pinned dueDate dueTime dueAt releasedAt date startTime endTime reason postAnnouncement " +
  "announcementTitle announcementBody csv yaml targetSlug direction hours release mode previewToken rows header version score feedback " +
  "code kind points weight dropLowest acceptsLate lateHoursApply categories items cutoffs letter minPercent links sections label " +
  "email name role capacity description timeZone firstDayOfClasses lastDayOfClasses location notes topics readings " +
  "sectionCode sectionDays sectionStart sectionEnd sectionKind newSpeakerName newSpeakerUrl weekNumber budgetHours graceMinutes " +
  "__proto__ constructor $ACTION_ID_0 $ACTION_REF_1"
).split(" ");

export type Pools = {
  /** Ids of real rows from the student's course and from another course. */
  ids: readonly string[];
  /** Real course slugs, for the authorization to actually run. */
  slugs: readonly string[];
};

export function scalar(pools: Pools): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 6 },
    { arbitrary: fc.constantFrom(...pools.ids), weight: 4 },
    { arbitrary: fc.constantFrom(...pools.slugs), weight: 1 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 1 },
    { arbitrary: fc.constantFrom(...HOSTILE_NUMBERS), weight: 2 },
    { arbitrary: fc.double(), weight: 1 },
    { arbitrary: fc.integer(), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>(null, undefined, true, false), weight: 1 },
    { arbitrary: fc.constantFrom(...hostileFiles()), weight: 1 },
  );
}

/** Any value: a scalar, an array where a string is expected, or a nested object. */
export function value(pools: Pools): fc.Arbitrary<unknown> {
  const s = scalar(pools);
  return fc.oneof(
    { arbitrary: s, weight: 6 },
    { arbitrary: fc.array(s, { maxLength: 4 }), weight: 2 },
    { arbitrary: fc.dictionary(fc.constantFrom(...FIELD_KEYS), s, { maxKeys: 4 }), weight: 1 },
    {
      arbitrary: fc.array(fc.dictionary(fc.constantFrom(...FIELD_KEYS), s, { maxKeys: 5 }), { maxLength: 3 }),
      weight: 1,
    },
  );
}

export function fields(pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(
    fc.oneof(
      { arbitrary: fc.constantFrom(...FIELD_KEYS), weight: 5 },
      { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
    ),
    value(pools),
    { maxKeys: 10 },
  );
}

/** A course slug: usually a real one (the viewer's course or another), else hostile. */
export function slugFrom(real: readonly string[]): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...real), weight: 6 },
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

/** An object as a form would post it: one entry per value, arrays repeated, objects as JSON. */
export function toFormData(object: Record<string, unknown>): FormData {
  const form = new FormData();
  const append = (key: string, v: unknown) => {
    if (v instanceof Blob) form.append(key, v);
    else if (v === undefined) return;
    else if (typeof v === "object" && v !== null) form.append(key, JSON.stringify(v));
    else form.append(key, String(v));
  };
  for (const [key, v] of Object.entries(object)) {
    if (Array.isArray(v)) for (const item of v) append(key, item);
    else append(key, v);
  }
  return form;
}

/** A short, printable description of a fuzzed value for failure messages. */
export function preview(v: unknown, max = 300): string {
  let text: string;
  try {
    text =
      v instanceof FormData
        ? `FormData ${JSON.stringify([...v.entries()].map(([k, x]) => [k, typeof x === "string" ? x : `File(${x.name}, ${x.size} B)`]))}`
        : (JSON.stringify(v, (_k, x) =>
            x instanceof Blob
              ? `Blob(${x.size} B)`
              : typeof x === "number" && !Number.isFinite(x)
                ? String(x)
                : x === undefined
                  ? "undefined"
                  : x,
          ) ?? String(v));
  } catch {
    text = String(v);
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
