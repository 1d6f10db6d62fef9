import { redirect } from "next/navigation";

export default function ResourcesPage() {
  redirect("/resources/ecs");
}
