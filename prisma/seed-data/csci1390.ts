// Brown CSCI 1390 Systems for Machine Learning, Spring 2025 — from the course page (seed 004).
// The page's links (Canvas, EdStem, calendar, waitlist form, notes) are placeholders ("#"), so
// none are kept. Dates on the page are MM/DD/YYYY.
import type { AssignmentSeed, CourseSeed, LocalDateTime, ScheduleEntrySeed } from "./types";

const at = (date: string, time: string): LocalDateTime => ({ date, time });

// "Lectures (PLQs Posted Here)", exactly as listed — two entries on 01/28 and on 02/25.
const lectures: { date: string; title: string; plq: boolean }[] = [
  { date: "2025-01-23", title: "Introduction to the Course", plq: false },
  { date: "2025-01-28", title: "Introduction to Deep Learning Systems", plq: false },
  { date: "2025-01-28", title: "Overview of DL Stack, Data Parallelism and All-Reduce", plq: true },
  { date: "2025-02-04", title: "ZeRO Redundancy, Tensor Model Parallelism, Pipeline Parallelism", plq: true },
  { date: "2025-02-06", title: "Attention, Transformers Overview", plq: true },
  { date: "2025-02-11", title: "Intro to Hardware and Arithmetic Intensity", plq: true },
  { date: "2025-02-13", title: "Transformers Flops Analysis", plq: false },
  { date: "2025-02-20", title: "Transformers Training Flops and Opportunities for Hardware Optimization", plq: true },
  { date: "2025-02-25", title: "Linear Attention Algorithms and Flash Attention", plq: false },
  { date: "2025-02-25", title: "Flash Attention cont. and Intro to Inference Optimization", plq: true },
];

// A PLQ is posted right after its lecture (10:20) and due at the start (09:00) of the next one.
// "Next" = the next listed lecture date; the list ends at 02/25, so PLQ6's is assumed.
const lectureDates = [...new Set(lectures.map((l) => l.date))];
const nextLectureDate = (date: string): string => lectureDates.find((d) => d > date) ?? "2025-02-27"; // assumed: the next Tue/Thu meeting after the last listed lecture

let plqCount = 0;
const plqs: AssignmentSeed[] = [];
const lectureEntries: ScheduleEntrySeed[] = lectures.map((l) => {
  if (!l.plq) return { date: l.date, title: l.title, note: "No PLQ" };
  plqCount += 1;
  const code = `PLQ${plqCount}`;
  plqs.push({
    code,
    title: `Post-lecture quiz ${plqCount}: ${l.title}`,
    kind: "QUIZ",
    category: "Post Lecture Quizzes",
    description:
      "Graded on completeness and correctness. Cannot be submitted late; up to 5 PLQs may be missed across the semester.",
    released: at(l.date, "10:20"),
    due: at(nextLectureDate(l.date), "09:00"),
    acceptsLate: false,
    lateHoursApply: false,
  });
  return { date: l.date, title: l.title, note: `PLQ (${code}), due at the start of the next lecture` };
});

const schedule: ScheduleEntrySeed[] = [
  ...lectureEntries,
  {
    date: "2025-02-04",
    startTime: "18:00",
    endTime: "18:00",
    kind: "MILESTONE",
    title: "Project 1: mid-project check-in due",
  } satisfies ScheduleEntrySeed,
].sort((a, b) => a.date.localeCompare(b.date));

// "Released latest by 5 PM on the release date, due at 6 PM on the due date."
const project = (
  n: number,
  title: string,
  weight: number,
  released: string,
  due: string,
  description: string,
): AssignmentSeed => ({
  code: `P${n}`,
  title: `Project ${n}: ${title}`,
  kind: "PROJECT",
  category: "Course Projects",
  weight,
  description,
  released: at(released, "17:00"),
  due: at(due, "18:00"),
  lateHoursApply: true,
});

const projectText =
  "An implementation task and a writeup that answers conceptual questions, graded on the correctness and performance of the implementation and the clarity of the writeup (offline or in a live grading meeting).";

export const csci1390: CourseSeed = {
  slug: "csci1390",
  code: "CSCI 1390",
  title: "Systems for Machine Learning",
  term: "Spring 2025",
  institution: "Brown University",
  description: [
    "Many applications, across industries varying from ecommerce to education, rely on data processing and machine learning systems for data analytics tasks. Deep learning techniques are now being applied to problems such as search, coding assistants, and chip placement. Due to how widely used these applications are, performance, specifically latency, throughput, and hardware efficiency, is very important. However, achieving high performance in these systems can be challenging.",
    "This class will explore systems-related challenges related to building, training, deploying and managing large-scale data processing and machine learning systems. The learning goals of the class are for students to deeply understand the systems techniques that allow ML systems to be deployed efficiently, at scale. Topics include efficient training and inference, understanding how to build hardware ML algorithms, understanding ML algorithm performance, GPU programming and cuda, recent transformer architectures, efficient retrieval, and more.",
    "This is the first offering of this class; students should anticipate technical difficulties, and the course components and schedule are subject to change.",
    '**Registration.** Due to constrained TA resources, this offering is capped at 56 students. **Auditing.** Auditors ("vagabonds") are welcome, but the limits on TA resources still apply: no grading support and no support in office hours.',
  ].join("\n\n"),
  timeZone: "America/New_York", // assumed: not stated; Brown is in Providence, RI
  firstDayOfClasses: "2025-01-23", // the first listed lecture
  lastDayOfClasses: "2025-04-30", // assumed: not on the page; Brown's reading period began May 1, 2025
  capacity: 56,
  links: [],
  // assumed: the page's Staff section lists no names; placeholders
  staff: [
    { key: "instructor", name: "CSCI 1390 Instructor", role: "INSTRUCTOR", title: "Instructor" },
    { key: "ta", name: "CSCI 1390 TA", role: "TA", title: "Teaching Assistant" },
  ],
  sections: [
    {
      code: "CSCI1390-S01",
      kind: "LECTURE",
      weekdays: [2, 4],
      startTime: "09:00",
      endTime: "10:20",
      location: "CIT 368",
    },
  ],
  speakers: [],
  schedule,
  announcements: [
    {
      title: "The class is full: waitlist",
      body: [
        "The class is *already full*, so unless registered students drop the class, we will not be letting students off the waitlist. *If you are planning to drop the class*, please do so ASAP so we can let students off the waitlist.",
        "New waitlist form: even if you filled out the old form, please fill out the new form, so we can keep track of folks who are still interested in the class. The TAs will also be posting it on EdStem.",
      ].join("\n\n"),
      publishedAt: at("2025-01-21", "12:00"), // assumed: the page's registration note has no date; the day before classes began
      pinned: true,
    },
  ],
  assignments: [
    project(1, "Parallelism", 18, "2025-01-28", "2025-02-19", `${projectText} Mid-project check-in due 02/04/2025.`),
    {
      code: "HW1",
      title: "Written HW 1",
      kind: "HOMEWORK",
      category: "Written Homeworks",
      released: at("2025-02-19", "17:00"),
      due: at("2025-02-27", "18:00"),
      description:
        "Read a piece of technical writing and respond to conceptual questions; graded on clarity. Late hours cannot be used.",
    },
    project(2, "Attention & KV Caching", 18, "2025-02-25", "2025-03-18", projectText),
    project(3, "Cuda Kernels", 18, "2025-03-18", "2025-04-15", projectText),
    project(4, "Vector Databases", 11, "2025-04-15", "2025-04-24", projectText),
    {
      code: "HW2",
      title: "Written HW 2",
      kind: "HOMEWORK",
      category: "Written Homeworks",
      released: at("2025-04-24", "17:00"),
      due: at("2025-05-06", "18:00"),
      description:
        "Due at the end of reading period. Read a piece of technical writing and respond to conceptual questions; graded on clarity. Late hours cannot be used.",
    },
    ...plqs,
    {
      code: "PART",
      title: "Class participation",
      kind: "PARTICIPATION",
      category: "Class Participation",
      description:
        "Answering each other's questions on EdStem, asking particularly helpful questions in EdStem, lecture, or office hours, and helping each other in office hours.",
      released: null,
      due: null,
    },
  ],
  extensions: [],
  latePolicy: {
    kind: "BUDGET",
    budgetHours: 144,
    perAssignmentCapHours: 72,
    excludedWindow: { start: "00:00", end: "07:00" },
    graceMinutes: 0, // assumed: the page mentions no grace period
    // "can only use the 144 hours for the projects, and not for post-lecture quizzes or for the written homework"
    coveredKinds: ["PROJECT"],
    // "you cannot use more than 72 hours per project" + "it's better to complete and hand in a project even if
    // you have already used your late hours": a project more than 72 h late is accepted, charged 72 h, graded D/F.
    // assumed: the page refuses nothing but work after the last day of classes, so over the cap is not refused.
    overCapAction: "CAP_ITEM",
    // "your total late time (including the late time for that assignment) exceeds 144 hours, and you hand it in
    // by the last day of classes, then we'll give it a D or an F depending on whether it seems to basically work"
    overBudgetAction: "CAP_ITEM",
    // assumed: the page does not say what a D or an F is worth; D counts as 65 % of the project's points (the
    // middle of the 60–70 D band below) and F as 50 % — an F for handed-in work is above the zero the page gives
    // for work not handed in ("a zero (i.e., no credit whatsoever)").
    itemCap: [
      { letter: "D", percent: 65 },
      { letter: "F", percent: 50 },
    ],
    // "Late hours cannot be used on the written homeworks" / "If you want an exception to these rules, you will
    // need a Dean's note": a late written HW is recorded and scores zero unless staff grant an extension.
    uncoveredLateAction: "ZERO",
    // "Students cannot submit PLQ responses late" ... "(responses will not be accepted after this)"
    lateRefusedKinds: ["QUIZ"],
    // "If you don't hand in a project by the last day of classes, we'll give the assignment a zero"
    finalCutoff: at("2025-05-01", "00:00"), // assumed: the end of the last day of classes (Apr 30, 2025)
    description: [
      "Each student has 144 total late hours for projects; they only apply to project submissions, not to post-lecture quizzes or written homework. Hours between midnight and 7am are not counted.",
      "You cannot use more than 72 hours per project: a project handed in more than 72 hours late is still accepted, 72 hours are charged, and it gets a D or an F. A project not handed in by the last day of classes gets a zero; one handed in by then with total late time over 144 hours gets a D or an F depending on whether it seems to basically work.",
      "In this course a D counts as 65% of the project's points and an F as 50% (the course page does not say).",
      "Written homework cannot use late hours: a late written homework is recorded and scores zero unless the staff grant you an extension. PLQs cannot be submitted late; up to 5 missed PLQs do not count.",
      "Exceptions need a Dean's note.",
    ].join(" "),
  },
  grading: {
    tracks: [],
    categories: [
      { name: "Course Projects", weight: 65 },
      { name: "Written Homeworks", weight: 20 },
      // "they can miss up to 5 PLQs across the entire semester, no questions asked"
      // assumed: "miss" means not handed in, so up to 5 PLQs a student did not hand in are left out; a PLQ handed in
      // counts at its score, however low (the page grades PLQs "on completeness and correctness").
      { name: "Post Lecture Quizzes", weight: 10, allowedMisses: 5 },
      { name: "Class Participation", weight: 5 },
    ],
    // assumed: Brown grades A/B/C/NC; a conventional A–F scale so the D/F rule can be shown
    cutoffs: [
      { letter: "A", minPercent: 90 },
      { letter: "B", minPercent: 80 },
      { letter: "C", minPercent: 70 },
      { letter: "D", minPercent: 60 },
      { letter: "F", minPercent: 0 },
    ],
  },
};
