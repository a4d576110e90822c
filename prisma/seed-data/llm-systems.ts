// An LLM-systems course known only from a student's account of it (seed 003): Fall 2025, seven
// mini-projects that build on one another. The account names no school, staff, schedule, dates
// or weights, so everything beyond the mini-project list and the term is assumed and marked,
// and the title and description claim nothing more than the account says.
import type { AssignmentSeed, CourseSeed, LocalDateTime } from "./types";

const at = (date: string, time: string): LocalDateTime => ({ date, time });

const miniProjects: { title: string; description: string }[] = [
  {
    title: "miniTorch: autodiff and tensors",
    description:
      "Build parts of a small educational deep-learning framework (miniTorch) to understand how autodiff and tensor systems work under the hood.",
  },
  {
    title: "CUDA kernels for miniTorch",
    description:
      "Write CUDA kernels for core tensor operations, optimize them for performance, and integrate them into miniTorch.",
  },
  {
    title: "GPT-2 in miniTorch",
    description:
      "Implement and benchmark a decoder-only transformer (GPT-2) in miniTorch, including core modules such as multi-head attention and LayerNorm, along with a machine translation pipeline to train and evaluate the model.",
  },
  {
    title: "Optimizing transformers on GPU: fused kernels",
    description: "Optimize transformers on GPU, focusing on memory access patterns and writing fused CUDA kernels.",
  },
  {
    title: "Distributed training",
    description:
      "Scale training with distributed techniques including data parallelism, model parallelism, ZeRO/DeepSpeed, and pipeline parallelism (GPipe).",
  },
  {
    title: "DeepSpeed + LoRA training and SGLang inference",
    description:
      "Use DeepSpeed to train and fine-tune large models efficiently with LoRA, and study SGLang closely to tune inference for performance.",
  },
  {
    title: "RLHF",
    description:
      "Build an RLHF system using a VERL-like framework, implementing PPO-based RLHF and reasoning about the design required to make RLHF stable.",
  },
];

// assumed: no dates in the account; two weeks per mini-project from the start of a Fall 2025 term,
// released on Wednesdays, due two weeks later at 23:59, the last one on the last day of classes.
const windows: [string, string][] = [
  ["2025-08-27", "2025-09-10"],
  ["2025-09-10", "2025-09-24"],
  ["2025-09-24", "2025-10-08"],
  ["2025-10-08", "2025-10-22"],
  ["2025-10-22", "2025-11-05"],
  ["2025-11-05", "2025-11-19"],
  ["2025-11-19", "2025-12-05"],
];

const assignments: AssignmentSeed[] = miniProjects.map((mp, i) => ({
  code: `MP${i + 1}`,
  title: `Mini-project ${i + 1}: ${mp.title}`,
  kind: "PROJECT",
  description: mp.description,
  category: "Mini-projects", // assumed: equal weight for the seven (no weights in the account)
  released: at(windows[i]![0], "12:00"), // assumed: no dates in the account
  due: at(windows[i]![1], "23:59"), // assumed: no dates in the account
}));

export const llmSystems: CourseSeed = {
  slug: "llm-systems",
  code: "LLM Systems", // assumed: the account gives no course code
  title: "LLM Systems (seven mini-projects)",
  term: "Fall 2025",
  // Reconstructed from a student's account: only the term and the seven mini-projects come from it.
  // The account names no school, so none is shown (a data note is not an institution).
  institution: "",
  description: [
    "A systems-first view of modern ML: GPU execution, memory behavior, distributed training, inference systems, and the engineering tradeoffs involved in building and serving LLMs efficiently. Seven substantial mini-projects build on one another incrementally.",
    "The recurring questions: Where does the memory go? What lives on GPU vs CPU? Where is the bottleneck? What breaks at scale?",
  ].join("\n\n"),
  timeZone: "America/New_York", // assumed: the account names no school or zone
  firstDayOfClasses: "2025-08-25", // assumed: a typical Fall 2025 start
  lastDayOfClasses: "2025-12-05", // assumed: a typical Fall 2025 end
  capacity: null,
  links: [],
  // assumed: the account names no staff; placeholders so the course has someone to run it
  staff: [
    { key: "instructor", name: "LLM Systems Instructor", role: "INSTRUCTOR", title: "Instructor" },
    { key: "ta", name: "LLM Systems TA", role: "TA", title: "Teaching Assistant" },
  ],
  // The account gives no meeting times or lecture schedule.
  sections: [],
  speakers: [],
  schedule: [],
  announcements: [],
  assignments,
  extensions: [],
  // assumed: the account states no late policy; lateness is recorded and flagged only.
  latePolicy: {
    kind: "FLAG_ONLY",
    coveredKinds: ["PROJECT"],
    description: "Late mini-projects are recorded and flagged for the staff; no policy is known for this course.",
  },
  grading: {
    tracks: [],
    categories: [{ name: "Mini-projects", weight: 100 }], // assumed: the account gives no weights
    // assumed: a plain A–F scale
    cutoffs: [
      { letter: "A", minPercent: 90 },
      { letter: "B", minPercent: 80 },
      { letter: "C", minPercent: 70 },
      { letter: "D", minPercent: 60 },
      { letter: "F", minPercent: 0 },
    ],
  },
};
