import { csvRoute } from "../csvRoute";

export const dynamic = "force-dynamic";

/** The annual report's proactive-disclosure table as CSV. */
export const GET = csvRoute("documents");
