import { describe, expect, it } from "vitest";
import { materialUrl } from "@/lib/domain/material-url";

const BASE = "https://github.com/ThomasVrancken/info9023-mlops/blob/main/";

describe("materialUrl", () => {
  it("resolves a page's relative path against the course's base", () => {
    expect(materialUrl("lectures/01_course_introduction.pdf", BASE)).toBe(
      "https://github.com/ThomasVrancken/info9023-mlops/blob/main/lectures/01_course_introduction.pdf",
    );
    expect(materialUrl("directed_work/02_flask", BASE)).toBe(
      "https://github.com/ThomasVrancken/info9023-mlops/blob/main/directed_work/02_flask",
    );
    // The page's own file names, "&" included, stay as written.
    expect(materialUrl("lectures/03_data_pipelines_&_cloud_infrastructure.pdf", BASE)).toBe(
      "https://github.com/ThomasVrancken/info9023-mlops/blob/main/lectures/03_data_pipelines_&_cloud_infrastructure.pdf",
    );
  });

  it("keeps an absolute URL and gives nothing for no material", () => {
    expect(materialUrl("https://example.org/slides.pdf", BASE)).toBe("https://example.org/slides.pdf");
    expect(materialUrl("https://example.org/slides.pdf", undefined)).toBe("https://example.org/slides.pdf");
    expect(materialUrl(undefined, BASE)).toBeNull();
  });

  it("refuses a relative path when the course has no base, rather than a broken link", () => {
    expect(() => materialUrl("lectures/x.pdf", undefined)).toThrow(/no materials base URL/);
  });
});
