// University of Toronto CSC 490, Fall 2025 — from the course page (seed 000).
// Reading titles are as printed on the page; their links were stripped, so url is null
// except for the one the page spells out (eugeneyan.com).
import type { CourseSeed, LocalDateTime, ScheduleEntrySeed } from "./types";

const at = (date: string, time: string): LocalDateTime => ({ date, time });
const r = (title: string, url: string | null = null) => ({ title, url });

const schedule: ScheduleEntrySeed[] = [
  {
    date: "2025-09-03",
    week: 1,
    title: "The Gen AI Landscape and AI product management",
    speakers: ["Rob Hayes", "Elliott Choi"],
  },
  {
    date: "2025-09-10",
    week: 2,
    title: "Intro to docker, kuberenetes, cloud, terraform and architecture diagrams",
    readings: [
      r("Short collab for running a model"),
      r("Terraform on aws tutorial"),
      r("Good intro to kubernetes"),
      r("Intro to tokenizers"),
      r("7 principles of mlops security"),
    ],
    speakers: ["Xavier Portilla Edo"],
  },
  {
    date: "2025-09-17",
    week: 3,
    title: "Evaluating ML products",
    speakers: ["Francis Silva", "Kelsey Hightower"],
  },
  {
    date: "2025-09-24",
    week: 4,
    title: "Prompting and Constrained decoding",
    readings: [r("DOMINO Paper"), r("Tokenizer colab")],
  },
  {
    date: "2025-10-01",
    week: 5,
    title: "Model serving deep dive 1 - Model Serving and LORA",
    readings: [
      r("VLLM Toronto Meetup Slides"),
      r("TGI blogpost"),
      r("1ms BERT latency"),
      r("Scaling BERT Inference on a CPU"),
    ],
    speakers: ["Dimitry Linkov"],
  },
  {
    date: "2025-10-08",
    week: 6,
    title: "Model serving deep dive 2 - Speculative decoding & KV caching",
    readings: [r("KV Cache from huggingface")],
    speakers: ["Kyle Kranen"],
  },
  {
    date: "2025-10-15",
    week: 7,
    title: "Model training - LLM Pre-training, SFT",
    readings: [r("BERT Finetuning Huggingface"), r("SetFIT Hugginface"), r("LoRA Hugginface"), r("NanoChat")],
    speakers: ["Nish Sinnadurai", "Mark Kim-Huang", "Ian Jordan"],
  },
  {
    date: "2025-10-22",
    week: 8,
    title: "Model training - LLM Reinforcement learning and Prompting, PPO, GRPO, RLHF",
    readings: [r("Open AI LM Human Preference"), r("RL for Vision Researchers")],
    speakers: ["Sean Grove"],
  },
  {
    date: "2025-10-29",
    week: 9,
    title: "Reading week",
    kind: "NO_CLASS",
    note: "No Class/Tutorial",
    readings: [r("PG vs Parquet")],
  },
  {
    date: "2025-11-05",
    week: 10,
    title: "Scalability of ML Systems",
    // The page prints this reading in brackets, a link whose URL was lost.
    readings: [r("Data Engineering and Information Retrieval")],
    speakers: ["Mo Eseifan", "Hien Luu"],
  },
  {
    date: "2025-11-12",
    week: 11,
    title: "Feature stores and Evaluation metrics",
    readings: [r("Do you really need a feature store"), r("SHAP analysis explainability")],
    speakers: ["Janani Narayanan"],
  },
  {
    date: "2025-11-19",
    week: 12,
    title: "Model serving deep dive 3 - Quantization and CUDA",
    speakers: ["Daniel Han", "Navya Mehta"],
  },
  {
    date: "2025-11-26",
    week: 13,
    title: "Search and Recommender systems",
    readings: [
      r("System design for recommendation systems", "https://eugeneyan.com/writing/system-design-for-discovery/"),
    ],
    speakers: ["Faye Zhang", "Moein Hasani"],
  },
];

// Guest speakers as named on the page; it gives no affiliations or links.
const speakerNames = [...new Set(schedule.flatMap((e) => e.speakers ?? []))];

export const csc490: CourseSeed = {
  slug: "csc490",
  code: "CSC 490",
  title: "ML Engineering Capstone",
  term: "Fall 2025",
  institution: "University of Toronto", // the page's section code CSC490H1-F and its cs.toronto.edu address
  description: [
    "This hands-on course will combine ML engineering theory with hands on building ML and AI systems. Topics include AI product management, Cloud Infrastructure, Model Training, Model Inference and ML Systems Design.",
    "Throughout the semester there will be guest lectures to provide industry insight on topics covered in class. The class will culminate in a final presentation on a research or product based project.",
    "No required textbooks. Suggested reading will be posted after each lecture.",
  ].join("\n\n"),
  timeZone: "America/Toronto", // assumed: the page states no zone; the course meets in Toronto
  firstDayOfClasses: "2025-09-03",
  lastDayOfClasses: "2025-11-26",
  capacity: null,
  // The page names a syllabus and Piazza but gives no URLs for them, so no links.
  links: [],
  staff: [
    {
      key: "instructor",
      name: "Denys Linkov",
      role: "INSTRUCTOR",
      title: "Instructor",
      contactEmail: "csc490-2025-09@cs.toronto.edu",
      officeHours: "By Appointment",
    },
    { key: "ta", name: "Yuchi (Allan) Zhao", role: "TA", title: "Teaching Assistant" },
  ],
  sections: [
    // "W 6-9pm @ DSCIL"; the tutorial column says N/A.
    {
      code: "CSC490H1-F-LEC5101",
      kind: "LECTURE",
      weekdays: [3],
      startTime: "18:00",
      endTime: "21:00",
      location: "DSCIL",
    },
  ],
  speakers: speakerNames.map((name) => ({ name, affiliation: null, url: null })),
  schedule,
  announcements: [
    {
      title: "Lectures begin on Sept 3rd!",
      body: "Lectures begin on Sept 3rd!",
      publishedAt: at("2025-08-27", "09:00"), // assumed: the page gives no posting dates; a week before term
    },
    {
      title: "A3 extension until Oct 22nd!",
      body: "A3 extension until Oct 22nd!",
      publishedAt: at("2025-10-14", "20:00"), // assumed: the eve of A3's assumed original due date
    },
    {
      title: "A3 extension until Oct 29th!",
      body: "A3 extension until Oct 29th!",
      publishedAt: at("2025-10-21", "20:00"), // assumed: the eve of the first extended date
    },
    {
      title: "A4, A5, A6 extensions until Nov 7, 14 and 28 respectively",
      body: "A4, A5, A6 extensions until Nov 7, 14 and 28 respectively",
      publishedAt: at("2025-10-28", "20:05"), // assumed: the newest announcement; posted with A3's last move
    },
  ],
  // "Out" / "Due" from the assignments table. The table shows the CURRENT due dates; for the
  // extended assignments (A3–A6) `due` is the original date and `extensions` below moves it.
  assignments: [
    {
      code: "A1",
      title: "Assignment 1",
      kind: "HOMEWORK",
      category: "Assignments",
      released: at("2025-09-03", "09:00"), // assumed: release time not stated
      due: at("2025-09-17", "23:00"),
    },
    {
      code: "A2",
      title: "Assignment 2",
      kind: "HOMEWORK",
      category: "Assignments",
      released: at("2025-09-09", "09:00"), // assumed: release time not stated
      due: at("2025-10-01", "23:00"),
    },
    {
      code: "A3",
      title: "Assignment 3",
      kind: "HOMEWORK",
      category: "Assignments",
      released: at("2025-09-30", "09:00"), // assumed: release time not stated
      due: at("2025-10-15", "23:00"), // assumed: original date not on the page; a week before the first extension to Oct 22
    },
    {
      code: "A4",
      title: "Assignment 4",
      kind: "HOMEWORK",
      category: "Assignments",
      released: at("2025-10-08", "09:00"), // assumed: release time not stated
      due: at("2025-10-31", "23:00"), // assumed: original date not on the page; one week before the extended Nov 7
    },
    {
      code: "A5",
      title: "Assignment 5",
      kind: "HOMEWORK",
      category: "Assignments",
      released: at("2025-10-25", "09:00"), // assumed: release time not stated
      due: at("2025-11-07", "23:00"), // assumed: original date not on the page; one week before the extended Nov 14
    },
    {
      code: "A6",
      title: "Assignment 6",
      kind: "HOMEWORK",
      category: "Assignments",
      released: at("2025-11-13", "09:00"), // assumed: release time not stated
      due: at("2025-11-21", "23:00"), // assumed: original date not on the page; one week before the extended Nov 28
    },
    {
      code: "PROJECT",
      title: "Project",
      kind: "PROJECT",
      category: "Project",
      description: "The class culminates in a final presentation on a research or product based project.",
      released: at("2025-10-28", "09:00"), // assumed: release time not stated
      due: at("2025-12-02", "18:00"), // "Dec 2nd - 6pm"
    },
  ],
  // Posting order. Oct 22 and Oct 29 are announced on the page; Oct 31 is the date the
  // assignments table shows, with no announcement on the page.
  extensions: [
    {
      code: "A3",
      due: at("2025-10-22", "23:00"), // 11pm as in the table
      postedAt: at("2025-10-14", "20:00"), // assumed: with its announcement
      reason: "Announced: A3 extension until Oct 22nd!",
    },
    {
      code: "A3",
      due: at("2025-10-29", "23:00"),
      postedAt: at("2025-10-21", "20:00"), // assumed: with its announcement
      reason: "Announced: A3 extension until Oct 29th!",
    },
    {
      code: "A3",
      due: at("2025-10-31", "23:00"),
      // assumed: the table's Oct 31 has no announcement on the page; posted the evening before the A4–A6 notice
      postedAt: at("2025-10-28", "20:00"),
      reason: "Due date as shown in the assignments table (no announcement on the page)",
    },
    {
      code: "A4",
      due: at("2025-11-07", "23:00"),
      postedAt: at("2025-10-28", "20:05"), // assumed: with its announcement
      reason: "Announced: A4, A5, A6 extensions until Nov 7, 14 and 28 respectively",
    },
    {
      code: "A5",
      due: at("2025-11-14", "23:00"),
      postedAt: at("2025-10-28", "20:05"),
      reason: "Announced: A4, A5, A6 extensions until Nov 7, 14 and 28 respectively",
    },
    {
      code: "A6",
      due: at("2025-11-28", "23:00"),
      postedAt: at("2025-10-28", "20:05"),
      reason: "Announced: A4, A5, A6 extensions until Nov 7, 14 and 28 respectively",
    },
  ],
  // assumed: the page states no late policy; lateness is recorded and flagged only.
  latePolicy: {
    kind: "FLAG_ONLY",
    coveredKinds: ["HOMEWORK", "PROJECT"],
    description: "Late submissions are recorded and flagged for the instructor; the course page states no penalty.",
  },
  grading: {
    tracks: [],
    categories: [
      { name: "Assignments", weight: 60 }, // assumed: the page gives no weights; six equal assignments
      { name: "Project", weight: 40 }, // assumed: the page gives no weights
    ],
    // assumed: the University of Toronto's standard letter scale; not on the course page
    cutoffs: [
      { letter: "A+", minPercent: 90 },
      { letter: "A", minPercent: 85 },
      { letter: "A-", minPercent: 80 },
      { letter: "B+", minPercent: 77 },
      { letter: "B", minPercent: 73 },
      { letter: "B-", minPercent: 70 },
      { letter: "C+", minPercent: 67 },
      { letter: "C", minPercent: 63 },
      { letter: "C-", minPercent: 60 },
      { letter: "D+", minPercent: 57 },
      { letter: "D", minPercent: 53 },
      { letter: "D-", minPercent: 50 },
      { letter: "F", minPercent: 0 },
    ],
  },
};
