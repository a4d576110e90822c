import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Lectern",
    short_name: "Lectern",
    description: "Schedules, deadlines, late hours and grades for ML-systems courses.",
    start_url: "/courses",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#2448ad",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/favicon.ico", sizes: "32x32", type: "image/x-icon" },
    ],
  };
}
