// NUS course on machine learning systems for Large Generative Models — from the course page (seed 002).
// The page gives month/day only; Aug 14 is a Wednesday (the class day) in 2024, which fixes the year.
import type { CourseSeed, LocalDateTime } from "./types";

const at = (date: string, time: string): LocalDateTime => ({ date, time });

export const nusLgm: CourseSeed = {
  slug: "nus-lgm",
  code: "LGM Systems", // assumed: the page gives no course code
  title: "Machine Learning Systems for Large Generative Models",
  term: "Semester 1, AY2024/25", // assumed: year 2024 from the weekdays (Aug 14 = Wednesday)
  institution: "National University of Singapore",
  description: [
    "The rise of Large Generative Models (LGMs) has revolutionized AI capabilities, but building efficient systems to support them is a critical next step. This course delves into modern machine learning systems for LGMs, discussing the fundamentals and cutting-edge topics in this field. The students will learn the system design principles for training, inference, and serving LGMs, scaling techniques to handle ever-growing models, memory reduction strategies to optimize resource utilization, as well as acceleration techniques to improve model performance. This course offers some background for students who would like to pursue engineering or research in machine learning systems.",
    "Pre-requisitions: UG machine learning, UG operating systems, Python coding.",
    "Grading: mandatory (1) paper reading and discussion and (2) HW1 for individual students. Elective: (1) HW2-4 for individual students, or (2) a course project for groups of 2-3 students. You can choose between more (all) homeworks and less (no) projects, or the other way.",
    "Note: pure ML/AI/CV/NLP projects are not acceptable. The project has to demonstrate systems design and implementation which leads to improvements of the system efficiency, robustness or generalizability.",
  ].join("\n\n"),
  timeZone: "Asia/Singapore", // assumed: not stated; NUS is in Singapore
  firstDayOfClasses: "2024-08-14",
  lastDayOfClasses: "2024-11-13",
  capacity: null,
  links: [],
  staff: [
    { key: "instructor", name: "Yao Lu", role: "INSTRUCTOR", title: "Instructor" },
    { key: "ta", name: "Shenggan Cheng", role: "TA", title: "Teaching Assistant" },
    { key: "ta2", name: "Xuanlei Zhao", role: "TA", title: "Teaching Assistant" },
  ],
  sections: [
    // "Wed 10:00-12:00 COM1-0212 (SR3)"
    {
      code: "Lecture",
      kind: "LECTURE",
      weekdays: [3],
      startTime: "10:00",
      endTime: "12:00",
      location: "COM1-0212 (SR3)",
    },
  ],
  speakers: [
    { name: "Jeff Dean", affiliation: null, url: null },
    { name: "Prateek Jain", affiliation: null, url: null },
    { name: "Dr. Jialin Ding", affiliation: null, url: null },
    { name: "Dr. Tianqi Chen", affiliation: null, url: null },
  ],
  schedule: [
    { date: "2024-08-14", week: 1, title: "Introduction", note: "HW1 released" },
    {
      date: "2024-08-21",
      week: 2,
      title: "MLsys foundations",
      speakers: ["Jeff Dean", "Prateek Jain"],
      note: "Jeff Dean and Prateek Jain's talk in the first hour",
    },
    { date: "2024-08-28", week: 3, title: "Automatic differentiation", note: "HW1 due (Aug 31)" },
    { date: "2024-09-04", week: 4, title: "Hardware acceleration", note: "HW2 released" },
    { date: "2024-09-11", week: 5, title: "Parallelism and training techniques" },
    {
      date: "2024-09-18",
      week: 6,
      title: "Transformers, Attention and Optimizations",
      note: "HW2 due, Project proposal due (Sep 21)",
    },
    { date: "2024-09-25", title: "Recess week", kind: "NO_CLASS" },
    { date: "2024-10-02", week: 7, title: "Serving LLMs", note: "HW3 released" },
    { date: "2024-10-09", week: 8, title: "Fine-tuning and alignment techniques" },
    {
      date: "2024-10-16",
      week: 9,
      title: "AI for systems",
      speakers: ["Dr. Jialin Ding"],
      note: "Guest lecture: Dr. Jialin Ding. HW3 due, Mid-term project report due",
    },
    { date: "2024-10-23", week: 10, title: "Application Systems: server design, AI Agents and RAGs" },
    {
      date: "2024-10-30",
      week: 11,
      title: "ML compilers",
      speakers: ["Dr. Tianqi Chen"],
      note: "Guest lecture: Dr. Tianqi Chen. HW4 released",
    },
    { date: "2024-11-06", week: 12, title: "Cloud systems for AI" },
    {
      date: "2024-11-13",
      week: 13,
      title: "Project presentations",
      kind: "PRESENTATION",
      note: "HW4 due, final project report due",
    },
  ],
  announcements: [],
  assignments: [
    {
      code: "PAPER",
      title: "Paper reading and discussion",
      kind: "PARTICIPATION",
      category: "Paper reading and discussion",
      description: "Mandatory for everyone.",
      released: null,
      due: null,
    },
    {
      code: "HW1",
      title: "HW1",
      kind: "HOMEWORK",
      category: "HW1",
      description: "Mandatory for individual students.",
      released: at("2024-08-14", "12:00"), // assumed: released after the Week 1 class
      due: at("2024-08-31", "23:59"), // assumed: the page gives the date only, no time
    },
    {
      code: "HW2",
      title: "HW2",
      kind: "HOMEWORK",
      category: "Homework (HW2-HW4)",
      released: at("2024-09-04", "12:00"), // assumed: after the Week 4 class
      due: at("2024-09-21", "23:59"), // assumed: the page gives the date only, no time
    },
    {
      code: "HW3",
      title: "HW3",
      kind: "HOMEWORK",
      category: "Homework (HW2-HW4)",
      released: at("2024-10-02", "12:00"), // assumed: after the Week 7 class
      due: at("2024-10-19", "23:59"), // assumed: listed under Oct 16 with no date; the Saturday of that week, as HW1/HW2
    },
    {
      code: "HW4",
      title: "HW4",
      kind: "HOMEWORK",
      category: "Homework (HW2-HW4)",
      released: at("2024-10-30", "12:00"), // assumed: after the Week 11 class
      due: at("2024-11-16", "23:59"), // assumed: listed under Nov 13 with no date; the Saturday of that week
    },
    {
      code: "PROPOSAL",
      title: "Project proposal",
      kind: "PROJECT",
      category: "Course project",
      weight: 10, // assumed: the page gives no weights
      released: null,
      due: at("2024-09-21", "23:59"), // assumed: the page gives the date only, no time
    },
    {
      code: "MIDTERM",
      title: "Mid-term project report",
      kind: "PROJECT",
      category: "Course project",
      weight: 20, // assumed: the page gives no weights
      released: null,
      due: at("2024-10-19", "23:59"), // assumed: listed under Oct 16 with no date; the Saturday of that week
    },
    {
      code: "PRESENTATION",
      title: "Project presentation",
      kind: "PRESENTATION",
      category: "Course project",
      weight: 20, // assumed: the page gives no weights
      released: null,
      due: at("2024-11-13", "10:00"), // in the Week 13 class
      acceptsLate: false,
    },
    {
      code: "FINAL",
      title: "Final project report",
      kind: "PROJECT",
      category: "Course project",
      weight: 50, // assumed: the page gives no weights
      released: null,
      due: at("2024-11-16", "23:59"), // assumed: listed under Nov 13 with no date; the Saturday of that week
    },
  ],
  extensions: [],
  // assumed: the page states no late policy; lateness is recorded and flagged only.
  latePolicy: {
    kind: "FLAG_ONLY",
    coveredKinds: ["HOMEWORK", "PROJECT"],
    description: "Late submissions are recorded and flagged for the teaching staff; the course page states no penalty.",
  },
  grading: {
    tracks: [
      { name: "Homework", description: "Elective: HW2-4 for individual students (all homeworks, no project)." },
      {
        name: "Project",
        description: "Elective: a course project for groups of 2-3 students (project, no further homeworks).",
      },
    ],
    categories: [
      { name: "Paper reading and discussion", weight: 20 }, // assumed: the page gives no weights
      { name: "HW1", weight: 20 }, // assumed: the page gives no weights
      { name: "Homework (HW2-HW4)", weight: 60, track: "Homework" }, // assumed: the page gives no weights
      { name: "Course project", weight: 60, track: "Project" }, // assumed: the page gives no weights
    ],
    // assumed: NUS moderates grades; a conventional scale for the demo
    cutoffs: [
      { letter: "A+", minPercent: 90 },
      { letter: "A", minPercent: 85 },
      { letter: "A-", minPercent: 80 },
      { letter: "B+", minPercent: 75 },
      { letter: "B", minPercent: 70 },
      { letter: "B-", minPercent: 65 },
      { letter: "C+", minPercent: 60 },
      { letter: "C", minPercent: 55 },
      { letter: "D+", minPercent: 50 },
      { letter: "D", minPercent: 45 },
      { letter: "F", minPercent: 0 },
    ],
  },
};
