import { sectionLayout } from "@/components/client-messages";

export default sectionLayout("agencies");
