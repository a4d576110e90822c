// INFO9023 Machine Learning Systems Design, spring 2026 — from the course README (seed 001).
// The agenda gives DD/MM/YYYY Mondays with week and sprint; the "Topics covered" table gives
// what happens in each week (lectures, demos, directed works, guest lectures). Material links
// on the page are paths inside the course repository (materialsBaseUrl below): a lecture's PDF
// is its slides, a directed work's folder its notes.
import type { CourseSeed, LocalDateTime, ScheduleEntrySeed } from "./types";

const at = (date: string, time: string): LocalDateTime => ({ date, time });

type WeekItem = Omit<ScheduleEntrySeed, "date" | "week" | "sprint">;
const lecture = (title: string, topics: string[], path: string): WeekItem => ({
  title,
  topics,
  kind: "LECTURE",
  materials: { slides: path },
});
const lab = (title: string, topics: string[], path: string): WeekItem => ({
  title,
  topics,
  kind: "LAB",
  materials: { notes: path },
});

const weeks: { date: string; week: number; sprint: number; items: WeekItem[] }[] = [
  {
    date: "2026-02-02",
    week: 1,
    sprint: 1,
    items: [
      lecture(
        "Lecture W01 - Course introduction",
        [
          "Key concepts of ML Systems Design",
          "Roles & organisation of ML projects",
          "Real world use cases",
          "Course culture & organisation",
        ],
        "lectures/01_course_introduction.pdf",
      ),
    ],
  },
  {
    date: "2026-02-09",
    week: 2,
    sprint: 1,
    items: [
      lecture(
        "Lecture W02 - Project organization",
        [
          "Waterfall, Agile, Scrum & Kanban way of working",
          "Data sources types & identification",
          "Data labelling techniques",
          "Code conventions (PEP8)",
          "Code versioning (Gif Flow & Trunk based)",
        ],
        "lectures/02_project_organization.pdf",
      ),
      lab(
        "Demo 1 (W02) - Git code versioning",
        ["Introduction to Git and basic commands", "GitFlow", "ohshitgit", "VSCode"],
        "demos/01_git",
      ),
    ],
  },
  {
    date: "2026-02-16",
    week: 3,
    sprint: 2,
    items: [
      lecture(
        "Lecture W03 - Data pipelines & cloud infrastructure",
        [
          "Data formats",
          "Data models (SQL & NoSQL, Graph, Document, Key-value)",
          "Data bases (OLTP & OLAP)",
          "Exploratory Data Analysis (EDA)",
          "Data cleaning & feature engineering",
        ],
        "lectures/03_data_pipelines_&_cloud_infrastructure.pdf",
      ),
      lab(
        "Demo 2 (W03) - GCS & BigQuery",
        ["Read & write local data to GCS & BigQuery using Python"],
        "demos/02_gcs_bq",
      ),
      {
        title: "Guest Lecture W03 - Cloud infrastructure - Intro to Cloud",
        topics: ["Cloud computing", "Google Cloud services & Demo"],
        kind: "LECTURE",
        speakers: ["Michiel Vanthoor"],
      },
    ],
  },
  {
    date: "2026-02-23",
    week: 4,
    sprint: 2,
    items: [
      lecture(
        "Lecture W04 - Containerisation",
        [
          "Cloud infrastructure (deeper dive)",
          "Virtual environments",
          "Virtual machines",
          "Containers (Docker)",
          "Kubernetes",
        ],
        "lectures/04_containerisation.pdf",
      ),
      lab(
        "Directed Work 1 (W04) - Docker",
        ["Run a simple ML application in a Docker container"],
        "directed_work/01_docker",
      ),
    ],
  },
  {
    date: "2026-03-02",
    week: 5,
    sprint: 3,
    items: [
      lecture("Lecture W05 - APIs", ["API", "REST & RPC", "AI Gateways"], "lectures/05_API_implementation.pdf"),
      {
        title: "Guest lecture W05 - Connexion",
        topics: [
          "API-first & Spec-first",
          "Connexion",
          "Concurrency, parallelism & async",
          "WSGI, ASGI & middleware",
          "Working open source",
        ],
        kind: "LECTURE",
        speakers: ["Connexion"],
        materials: { slides: "lectures/05_guest_lecture_connexion.pdf" },
      },
      lab("Directed Work 2 (W05) - Flask", ["Build a simple local Flask API"], "directed_work/02_flask"),
    ],
  },
  {
    date: "2026-03-09",
    week: 6,
    sprint: 3,
    items: [
      lecture(
        "Lecture W06 - Microservices",
        ["Microservices vs monolithic architecture", "Kubernetes", "Serverless", "Anatomy of a microservice"],
        "lectures/06_microservices.pdf",
      ),
      lab(
        "Directed Work 3 (W06) - Cloud Run for serverless API deployment",
        ["Deploy a simple Flask API in the Cloud using Cloud Run"],
        "directed_work/03_deploy_api",
      ),
      lab(
        "Demo 3 (W06) - Kubernetes",
        ["Run a simple ML application in a local Kubernetes cluster"],
        "demos/03_kubernetes",
      ),
    ],
  },
  {
    date: "2026-03-16",
    week: 7,
    sprint: 4,
    items: [
      lecture(
        "Lecture W07 - Model serving",
        [
          "Model serving",
          "Batch vs real-time serving",
          "Asynchronous vs synchronous serving",
          "Cloud vs on-prem deployment",
        ],
        "lectures/07_model_serving.pdf",
      ),
      lab("Demo 4 (W07) - vLLM", ["Run an LLM (Gemma 2) on GPU in the Cloud using vLLM on GKE"], "demos/04_vllm"),
      lab(
        "Demo 6 (W07) - vLLM (local)",
        ["[Adaptation of demo 4] Run light LLMs locally using vLLM"],
        "demos/06_vllm_local",
      ),
    ],
  },
  {
    date: "2026-03-23",
    week: 8,
    sprint: 4,
    items: [
      lecture(
        "Lecture W08 - Serving & training optimisation",
        [
          "Computational cost of training ML models (FLOP calculation)",
          "Parallel and distributed training (data, model and pipeline parallelism)",
          "Model complexity optimisation (pruning, quantisation and distillation)",
          "Latency, throughput, bandwidth and autoscalling",
          "Hardward optimisation (GPUs, TPUs)",
          "Serving frameworks (Triton, vLLM)",
        ],
        "lectures/08_serving_and_training_optimisation.pdf",
      ),
      lab(
        "Demo 5 (W08) - Triton Inference Server",
        ["Optimise a MobileNet model for faster inference using Triton and ONNX"],
        "demos/05_triton",
      ),
    ],
  },
  {
    date: "2026-03-30",
    week: 9,
    sprint: 5,
    items: [
      lecture(
        "Lecture W09 - Model pipelines",
        ["ML model pipeline", "Pipeline orchestrators (Vertex, Sagemaker, ML Studio, Kubeflow pipelines)"],
        "lectures/09_model_pipeline.pdf",
      ),
      lab(
        "Directed Work 4 (W09) - Vertex AI",
        ["Run a simple ML application in a Vertex AI container"],
        "directed_work/04_vertex",
      ),
      lab(
        "Demo 7 (W09) - Vertex AI",
        ["Run an ML pipeline including data ingestion, preparation, model training and evaluation using Vertex AI"],
        "demos/07_vertex_pipeline",
      ),
    ],
  },
  {
    date: "2026-04-06",
    week: 10,
    sprint: 5,
    items: [
      lecture(
        "Lecture W10 - Monitoring & dashboarding",
        [
          "Logging vs monitoring",
          "Resource vs performance monitoring",
          "Model performance monitoring",
          "Drift types: data, target and concept",
        ],
        "lectures/10_monitoring_and_dashboarding.pdf",
      ),
      lab(
        "Directed Work 5 (W10) - Streamlit",
        ["Create an ML oriented dashboard using Streamlit and deploy it on Cloud Run"],
        "directed_work/05_streamlit",
      ),
    ],
  },
  {
    date: "2026-04-13",
    week: 11,
    sprint: 6,
    items: [
      lecture(
        "Lecture W11 - CICD",
        [
          "Continuous integration, Continuous development & Continuous deployment",
          "Code testing (unit, integration, system & acceptance)",
          "Pytest & pylint",
          "Multi-environment management (dev, tst, acc, prd, ...)",
          "Infrastructure as code (IaC)",
          "Terraform",
          "Online testing (A/B, canary, shadow)",
          "A guide to Trustworthy",
        ],
        "lectures/11_cicd.pdf",
      ),
      lab("Directed Work 6 (W11) - Gihub Actions", ["Use Gihub Actions for CICD"], "directed_work/06_github_actions"),
    ],
  },
  {
    date: "2026-05-04",
    week: 12,
    sprint: 6,
    items: [
      lecture(
        "Lecture W12 - LLMOps & Trustworthy AI",
        ["LLMOps", "LLM Agents", "LLM Guardrails", "EU AI Act", "A guide to Trustworthy AI"],
        "lectures/12_llmops_and_trusworthy_ai.pdf",
      ),
      {
        title: "Guest lecture W12 - LLMOps at Sagacify",
        topics: ["Retrieval Augmented Generation (RAG)", "LLM deployment pipeline", '"Clip-it" real world use case'],
        kind: "LECTURE",
        speakers: ["Sagacify"],
        materials: { slides: "lectures/12_guest_lecture_llmops_sagacify.pdf" },
      },
    ],
  },
];

const schedule: ScheduleEntrySeed[] = [
  ...weeks.flatMap(({ date, week, sprint, items }) =>
    items.map((item): ScheduleEntrySeed => ({ ...item, date, week, sprint: `Sprint ${sprint}` })),
  ),
  { date: "2026-04-20", title: "Holiday", kind: "NO_CLASS" } satisfies ScheduleEntrySeed,
  { date: "2026-04-27", title: "Holiday", kind: "NO_CLASS" } satisfies ScheduleEntrySeed,
  { date: "2026-05-11", title: "Milestone 3 presentation", kind: "PRESENTATION" } satisfies ScheduleEntrySeed,
].sort((a, b) => a.date.localeCompare(b.date));

export const info9023: CourseSeed = {
  slug: "info9023",
  code: "INFO9023",
  title: "Machine Learning Systems Design",
  term: "Spring 2026",
  institution: "University of Liège", // assumed: the README names no university; INFO9023 is a Liège course code
  description: [
    'The course of Machine Learning System Designs (MLSD) aims at enabling students to truly build fully functional "user-ready" ML systems. It will look at the whole lifecycle of building a real world ML application. At the end of the course, students will be familiar with key tools and frameworks of MLOps and LLMOps.',
    "Bringing a Machine Learning application to production requires many more efforts than solely the ML model development. There is a large hidden technical debts in designing and implementing all the components coming around your model. This course aims at closing that technical debt by providing essential tools and best practices in MLOps and LLMOps.",
    "Learning streams: **Lectures** present theoretical concepts and practices (usually the first part of each class). **Labs** teach key tools widely used to build ML systems. **Project**: you apply the learnings in one large group project, as the decision makers for its design.",
    "Main communication point is Discord; official communication might also be sent by email.",
  ].join("\n\n"),
  timeZone: "Europe/Brussels", // assumed: not stated; Liège is on Brussels time
  firstDayOfClasses: "2026-02-02",
  lastDayOfClasses: "2026-05-11",
  capacity: null,
  // assumed: the page is the README of its public repository and links its materials relative to
  // it without naming it; the repository is the instructor's info9023-mlops, branch main.
  materialsBaseUrl: "https://github.com/ThomasVrancken/info9023-mlops/blob/main/",
  // The Discord link on the page is a placeholder; these are the page's resources with real URLs.
  links: [
    {
      label: "Stanford CS 329S: Machine Learning Systems Design (similar class)",
      url: "https://stanford-cs329s.github.io/",
    },
    {
      label: "CMU Machine Learning in Production / AI Engineering (similar class)",
      url: "https://ckaestne.github.io/seai/",
    },
    { label: "Made with ML", url: "https://madewithml.com/" },
    { label: "Marvelous MLOps", url: "https://marvelousmlops.substack.com/" },
    {
      label: "Hidden Technical Debt in Machine Learning Systems (Google)",
      url: "https://proceedings.neurips.cc/paper_files/paper/2015/file/86df7dcfd896fcaf2674f757a2463eba-Paper.pdf",
    },
  ],
  staff: [
    {
      key: "instructor",
      name: "Thomas Vrancken",
      role: "INSTRUCTOR",
      title: "Instructor",
      officeHours: "After each class: dedicated time to work on projects and ask questions",
    },
    {
      key: "ta",
      name: "Matthias Pirlet",
      role: "TA",
      title: "Teaching Assistant",
      officeHours: "After each class: dedicated time to work on projects and ask questions",
    },
  ],
  sections: [
    {
      code: "INFO9023-LEC",
      kind: "LECTURE",
      weekdays: [1], // the agenda's dates are all Mondays
      startTime: "14:00", // assumed: the README gives no time; a lecture then project support time
      endTime: "18:00", // assumed: no time given
      location: "TBA", // assumed: the README gives no room
    },
  ],
  speakers: [
    { name: "Michiel Vanthoor", affiliation: null, url: null },
    // assumed: only "Connexion" (the open-source project the talk covers) is named, not the speaker
    { name: "Connexion", affiliation: null, url: null },
    // assumed: only the organisation is named, so it stands in for the speaker
    { name: "Sagacify", affiliation: "Sagacify", url: null },
  ],
  schedule,
  announcements: [],
  assignments: [
    {
      code: "PROJECT",
      title: "Group project",
      kind: "PROJECT",
      category: "Project",
      description:
        "One large group project: build an ML application end to end, organised in sprints. You are the decision makers for the design of your project; the work packages are possible points to implement, not a checklist. Full brief: project/project_description.pdf.",
      released: at("2026-02-02", "14:00"), // assumed: handed out in the first class
      due: at("2026-05-11", "14:00"), // assumed: final deliverable at the Milestone 3 presentation
    },
    {
      code: "EXAM",
      title: "Oral exam",
      kind: "EXAM",
      category: "Oral exam",
      description:
        "An oral exam of 4-5 questions based on a case study: a hypothetical ML application for which you answer design questions based on the concepts taught in the course. A practice exam is in exams/practice_exam_1.pdf.",
      released: null,
      due: at("2026-06-15", "09:00"), // assumed: the README gives no exam date; June exam session
      acceptsLate: false,
    },
  ],
  extensions: [],
  // assumed: the README states no late policy; lateness is recorded and flagged only.
  latePolicy: {
    kind: "FLAG_ONLY",
    coveredKinds: ["PROJECT"],
    description: "Late deliverables are recorded and flagged for the teaching staff; the course states no penalty.",
  },
  grading: {
    tracks: [],
    categories: [
      { name: "Project", weight: 60 }, // assumed: the README gives no weights
      { name: "Oral exam", weight: 40 }, // assumed: the README gives no weights
    ],
    // assumed: Liège grades out of 20 with a pass at 10/20; shown here as pass/fail at 50 %
    cutoffs: [
      { letter: "Pass", minPercent: 50 },
      { letter: "Fail", minPercent: 0 },
    ],
  },
};
