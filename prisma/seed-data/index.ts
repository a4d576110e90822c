import { csc490 } from "./csc490";
import { csci1390 } from "./csci1390";
import { info9023 } from "./info9023";
import { llmSystems } from "./llm-systems";
import { nusLgm } from "./nus-lgm";
import type { CourseSeed } from "./types";

export type { CourseSeed } from "./types";
export { csc490, csci1390, info9023, llmSystems, nusLgm };

/** The five demo courses, in seeding order. */
export const courseSeeds: readonly CourseSeed[] = [csc490, info9023, nusLgm, llmSystems, csci1390];
