import { huaweiRoute } from "@/app/_lib/huawei-route";

export const { GET, POST, PUT, DELETE, HEAD } = huaweiRoute;
