import type { RoleColour } from "@/db/schema";

// Whole class names, so Tailwind finds them in the source.
export const roleColourSwatch: Record<RoleColour, string> = {
  red: "bg-red-500",
  orange: "bg-orange-500",
  yellow: "bg-yellow-400",
  green: "bg-green-600",
  blue: "bg-blue-600",
};
