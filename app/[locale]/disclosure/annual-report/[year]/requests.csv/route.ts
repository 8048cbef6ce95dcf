import { csvRoute } from "../csvRoute";

export const dynamic = "force-dynamic";

/** The annual report's request-handling table as CSV. */
export const GET = csvRoute("requests");
